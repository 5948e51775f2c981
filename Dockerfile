# Lambdaplane's container image, in three stages (README "Container image"):
#   build  - dependencies (npm ci) and `next build` with standalone output
#   tools  - the full checkout and its dependencies: `npm run db:migrate` (one-shot) and `npm run worker`
#   web    - the default target: only Next.js's standalone server, its static files and public/
# Both runnable targets run as the unprivileged `node` user of the base image.
FROM docker.io/library/node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Behind a TLS-intercepting proxy, npm needs its CA: mount the bundle and name it (README).
ARG NODE_EXTRA_CA_CERTS
# Dependencies first, so a change to the sources does not reinstall them. postinstall generates the
# Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN LAMBDAPLANE_STANDALONE=1 npx next build

FROM build AS tools
RUN chown -R node:node /app
USER node
CMD ["npm", "run", "worker"]

# The production dependencies only (the migration engine and the embedded PostgreSQL are dev-only).
FROM build AS runtime-deps
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

FROM docker.io/library/node:20-bookworm-slim AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
# Besides the standalone bundle: compute workers compile the TypeScript they run at start
# (server/compute/worker-entry.mjs, with tsx and the packages those sources import), and /api/ready
# compares prisma/migrations with the database.
COPY --from=runtime-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/server ./server
COPY --from=build --chown=node:node /app/lib ./lib
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/tsconfig.json ./
USER node
EXPOSE 3000
CMD ["node", "server.js"]
