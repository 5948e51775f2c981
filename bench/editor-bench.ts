// What the editor benchmarks share: their seeded stacks and the percentile they report.
import { parse as parseYaml } from "yaml";
import { seedNewStack } from "../e2e/db-fixtures";
import { definitionYaml } from "./stacks";

const HANDLER = "export default async () => ({ statusCode: 200, body: 'ok' });\n";

/** A stack of `functions` functions (stacks.ts) at revision 1, with the handler file they all name. */
export async function seedBenchStack(name: string, functions: number) {
  const yaml = definitionYaml(functions);
  await seedNewStack(name, { number: 1, yaml, definition: parseYaml(yaml), code: { "src/handler.ts": HANDLER }, message: "bench" });
}

/** Nearest-rank percentile (p in 0-100). */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
