// Time to refusal of each hostile stack definition (issue 14) through analyzeStack, the entry point the
// server, the CLI and the editor share. `npx tsx bench/parse-bounds.bench.ts [input ...]` prints one
// JSON line per input: median and min milliseconds over the runs, the number of diagnostics and the
// first one. Run it on an older checkout to compare (see bench/README.md, "Parse bounds").
import { analyzeStack } from "@/lib/stack";

const keys = (n: number) => `resources:\n${Array.from({ length: n }, (_, i) => `  r${i + 1}: 1\n`).join("")}`;
const buckets = (n: number) => `resources:\n${Array.from({ length: n }, (_, i) => `  b${i + 1}:\n    type: bucket\n`).join("")}`;
const laughs = () => {
  const lines = ['lol0: &lol0 "lol"'];
  for (let i = 1; i < 10; i++) lines.push(`lol${i}: &lol${i} [${Array(10).fill(`*lol${i - 1}`).join(", ")}]`);
  return `${lines.join("\n")}\nresources: {}\n`;
};

const INPUTS: Record<string, () => string> = {
  "keys-4k": () => keys(4_000),
  "keys-8k": () => keys(8_000),
  "keys-16k": () => keys(16_000),
  "keys-60k (1 MB)": () => keys(60_000),
  "resources-10k": () => buckets(10_000),
  "flow-nesting-1k (2 KB)": () => `resources: ${"[".repeat(1000)}1${"]".repeat(1000)}\n`,
  "flow-nesting-100k": () => `resources: ${"[".repeat(100_000)}1${"]".repeat(100_000)}\n`,
  "block-nesting-100k": () => `resources:\n  a:\n    ${"- ".repeat(100_000)}1\n`,
  "billion-laughs": laughs,
  "single-line-1MB": () => `resources:\n  a:\n    type: bucket\n    properties: ${"x".repeat(1024 * 1024)}\n`,
  "one-byte-over": () => `resources: {}\n# ${"x".repeat(1_000_000 - 16)}a`,
};

const RUNS = Number(process.env.RUNS ?? 5);
const wanted = process.argv.slice(2);

for (const [name, make] of Object.entries(INPUTS)) {
  if (wanted.length && !wanted.includes(name.split(" ")[0])) continue;
  const source = make();
  const times: number[] = [];
  let result: ReturnType<typeof analyzeStack> | undefined;
  let failure: string | undefined;
  for (let i = 0; i < RUNS && !failure; i++) {
    const start = performance.now();
    try {
      result = analyzeStack(source, { file: "stack.yml" });
    } catch (e) {
      failure = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const first = result?.diagnostics[0];
  console.log(
    JSON.stringify({
      input: name,
      bytes: source.length,
      medianMs: Math.round(times[Math.floor(times.length / 2)]),
      minMs: Math.round(times[0]),
      diagnostics: result?.diagnostics.length,
      first: failure ?? (first ? `${first.line}:${first.column} ${first.message.slice(0, 120)}` : null),
    }),
  );
}
