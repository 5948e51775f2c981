import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "server/db/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    // Components run in the browser too: from the server they take server actions and types only.
    // Vocabulary both sides need (roles, token scopes, notification events, names) lives in lib/.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/*", "!@/server/actions", "@/server/*/**", "!@/server/actions/**"],
              allowTypeImports: true,
              message: "Components import server actions and types only; move shared vocabulary to lib/.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
