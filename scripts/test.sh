#!/usr/bin/env bash
# `npm test`: unit, integration and e2e tests, failing at the first suite that fails. The production
# build the e2e tests run is made while the unit tests run: vitest gives them one worker on a
# two-core machine, so the build uses the other core instead of adding its minutes before the e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
build_log="$(mktemp)"
npx next build >"$build_log" 2>&1 &
build=$!
trap 'kill "$build" 2>/dev/null || true; rm -f "$build_log"' EXIT
unit=0
npm run test:unit || unit=$?
built=0
wait "$build" || built=$?
echo "--- next build (ran beside the unit tests): exit $built"
if [ "$built" = 0 ]; then tail -n 25 "$build_log"; else cat "$build_log"; fi
[ "$unit" = 0 ] || exit "$unit"
[ "$built" = 0 ] || exit "$built"
npm run test:int
npx playwright test
