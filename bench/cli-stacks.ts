// Writes the benchmark stacks (stacks.ts) as a user's project for whole-process runs of the CLI:
// <dir>/bench<N>/stack.yml and the handler every function uses, src/handler.ts.
// Run: npx tsx bench/cli-stacks.ts <dir> [functions ...]   (default 10 200)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { definitionYaml } from "./stacks";

const [dir, ...sizes] = process.argv.slice(2);
if (!dir) throw new Error("usage: npx tsx bench/cli-stacks.ts <dir> [functions ...]");
for (const functions of sizes.length > 0 ? sizes.map(Number) : [10, 200]) {
  const stack = path.join(dir, `bench${functions}`);
  mkdirSync(path.join(stack, "src"), { recursive: true });
  writeFileSync(path.join(stack, "stack.yml"), definitionYaml(functions));
  writeFileSync(path.join(stack, "src", "handler.ts"), "export const handler = async (event: unknown) => ({ statusCode: 200, body: JSON.stringify(event) });\n");
  console.log(path.join(stack, "stack.yml"));
}
