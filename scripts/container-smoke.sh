#!/usr/bin/env bash
# Builds the container image's two targets and runs them against a PostgreSQL server, as the
# README's "Container image" section describes: the one-shot migration (tools), the web process
# (web) and a deploy worker (tools). Passes when the migration applies, /api/health and /api/ready
# answer 200, the sign-in page renders and the worker reports ready. Not part of CI (a build takes
# several minutes); run it after changing the Dockerfile:
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres bash scripts/container-smoke.sh
# Containers use the host's network so that a PostgreSQL on loopback is reachable.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server reachable from the host}"
engine="${CONTAINER_ENGINE:-$(command -v podman || command -v docker)}"
port="${SMOKE_PORT:-3990}"
database="lambdaplane_container_smoke"
admin_url="$DATABASE_URL"
app_url="${DATABASE_URL%/*}/$database"
build_args=()
# A TLS-intercepting proxy's CA bundle, when the host names one, is what npm needs inside the build.
if [ -n "${NODE_EXTRA_CA_CERTS:-}" ]; then
  build_args+=(-v "$(dirname "$NODE_EXTRA_CA_CERTS"):$(dirname "$NODE_EXTRA_CA_CERTS"):ro" --build-arg "NODE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS")
fi

"$engine" build "${build_args[@]}" --target tools -t lambdaplane:tools .
"$engine" build "${build_args[@]}" --target web -t lambdaplane:web .

psql "$admin_url" -qc "DROP DATABASE IF EXISTS $database" -c "CREATE DATABASE $database"
env_args=(-e "DATABASE_URL=$app_url" -e "NEXTAUTH_URL=http://localhost:$port" -e "NEXTAUTH_SECRET=container-smoke-secret-0123456789abcdef"
  -e "LAMBDAPLANE_ENCRYPTION_KEY=$(printf '0%.0s' {1..63})1")
web="" worker=""
cleanup() { for c in $web $worker; do "$engine" rm -f "$c" >/dev/null 2>&1 || true; done; }
trap cleanup EXIT

"$engine" run --rm --network host "${env_args[@]}" lambdaplane:tools npm run db:migrate
web=$("$engine" run -d --network host "${env_args[@]}" -e "PORT=$port" -e LAMBDAPLANE_WORKER=off lambdaplane:web)
worker=$("$engine" run -d --network host "${env_args[@]}" lambdaplane:tools)

for _ in $(seq 1 60); do curl -fsS "http://localhost:$port/api/health" >/dev/null 2>&1 && break; sleep 1; done
echo "health: $(curl -sS "http://localhost:$port/api/health")"
echo "ready:  $(curl -sS "http://localhost:$port/api/ready")"
curl -fsS "http://localhost:$port/api/ready" >/dev/null
curl -fsS "http://localhost:$port/signin" | grep -q "Sign in" || { echo "the sign-in page did not render"; exit 1; }
for _ in $(seq 1 60); do "$engine" logs "$worker" 2>&1 | grep -q "ready" && break; sleep 1; done
"$engine" logs "$worker" 2>&1 | grep -q "ready" || { echo "the worker did not report ready:"; "$engine" logs "$worker"; exit 1; }
echo "container-smoke: the migration applied, web answered health, ready and sign-in, the worker is ready"
