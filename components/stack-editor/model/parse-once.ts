// The YAML view parses the text it is given twice per keystroke: once to apply it (withYaml) and once
// to place its diagnostics at their lines (analyzeForEditor). The last result is kept, so the second is free.
import { parseStack, type ParseStackResult } from "@/lib/stack";

let last: { yaml: string; result: ParseStackResult } | undefined;

/** parseStack of `yaml`, reusing the result for the same text as the call before. Callers must not mutate it. */
export function parseStackOnce(yaml: string): ParseStackResult {
  if (last?.yaml !== yaml) last = { yaml, result: parseStack(yaml) };
  return last.result;
}
