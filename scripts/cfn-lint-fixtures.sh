#!/usr/bin/env bash
# Renders every stack fixture (server/render/fixtures/*.yml) with the CLI, and a fixed sample of the
# stacks render accepts from the fuzz corpus (scripts/fuzz-templates.ts), and runs cfn-lint, AWS's
# CloudFormation linter, over the resulting templates. Fails on any render failure or cfn-lint
# error (warnings are printed, not fatal). cfn-lint is required: when it is missing this fails
# instead of skipping, so CI can never pass without linting.
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "cfn-lint-fixtures: cfn-lint is not installed; install it (pip install cfn-lint) and run again" >&2
  exit 1
fi

shopt -s nullglob
fixtures=(server/render/fixtures/*.yml)
if ((${#fixtures[@]} == 0)); then
  echo "cfn-lint-fixtures: no fixtures in server/render/fixtures" >&2
  exit 1
fi

# The built CLI (`npm run build:cli`, run by npm install's prepare step) as users run it; from source
# with tsx only where it was not built.
cli=(node dist/cli/lambdaplane.mjs)
[ -f dist/cli/lambdaplane.mjs ] || cli=(npx tsx cli/index.ts)
export CLI="${cli[*]}"

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

render_one() {
  local out="$1" fixture="$2" name
  name="$(basename "$fixture" .yml)"
  if ! $CLI render "$fixture" >"$out/$name.json" 2>"$out/$name.stderr"; then
    echo "cfn-lint-fixtures: render failed: $fixture" >&2
    cat "$out/$name.stderr" >&2
    return 1
  fi
}
export -f render_one

echo "cfn-lint-fixtures: rendering ${#fixtures[@]} fixtures ($(cfn-lint --version))"
if ! printf '%s\0' "${fixtures[@]}" | xargs -0 -n 1 -P "$(nproc)" bash -c 'render_one "$0" "$1"' "$out"; then
  echo "cfn-lint-fixtures: FAILED (a fixture did not render)" >&2
  exit 1
fi
# A stack past 500 resources, as the CLI splits it: the parent and every nested template.
big="$out/big"
mkdir -p "$big/src"
npx tsx -e 'import("./bench/stacks.ts").then((m) => process.stdout.write(m.definitionYaml(150)))' >"$big/big.yml"
echo 'export default async () => ({ statusCode: 200 });' >"$big/src/handler.ts"
if ! "${cli[@]}" render "$big/big.yml" --out-dir "$big/nested" >"$out/big-parent.json"; then
  echo "cfn-lint-fixtures: FAILED (the 150-function stack did not render and split)" >&2
  exit 1
fi
mapfile -t nested < <(find "$big/nested" -name '*.json' | sort)
# Every stack render accepts should lint clean, not only the hand-written fixtures.
if ! npx tsx scripts/fuzz-templates.ts "$out/fuzz" 30; then
  echo "cfn-lint-fixtures: FAILED (sampling the fuzz corpus)" >&2
  exit 1
fi
templates=("$out"/*.json "${nested[@]}" "$out"/fuzz/*.json)
if ! cfn-lint --non-zero-exit-code error --format parseable -- "${templates[@]}"; then
  echo "cfn-lint-fixtures: FAILED (cfn-lint reported errors, listed above)" >&2
  exit 1
fi
echo "cfn-lint-fixtures: ${#templates[@]} templates, no cfn-lint errors"
