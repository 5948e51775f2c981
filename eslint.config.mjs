import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "dist/**", "server/db/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
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
  {
    // The CLI is built on the server's modules, never the other way round: what both need (code
    // locations, packaging, rendering) lives in server/ or lib/.
    files: ["server/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/cli", "@/cli/*", "**/cli/*"], message: "server/ and lib/ do not import the CLI (cli/); move what both need to server/ or lib/." }] },
      ],
    },
  },
  {
    // A connection's AWS clients are built in server/aws/clients.ts only: there they get the outbound
    // guard, the response-size cap for user-supplied endpoints and the instance's connection policy.
    files: ["server/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["server/aws/**", "**/*.test.ts", "**/test-support.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name=/^(CloudFormation|CloudWatch|CloudWatchLogs|Lambda|S3|STS)Client$/]",
          message: "Build AWS clients with server/aws/clients.ts (outbound guard, response cap, connection policy).",
        },
      ],
    },
  },
];

export default config;
