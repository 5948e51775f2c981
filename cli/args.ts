import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";

/** Bad command-line input: printed as one line with the usage, never as a stack trace. */
export class UsageError extends Error {}

/** node:util parseArgs with positionals allowed and its errors turned into UsageErrors. */
export function parseCliArgs<O extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A name checked by the rule the server applies (lib/names.ts), so the CLI never accepts what the server refuses. */
export function checkedName(what: string, value: string, schema: z.ZodType<string>): string {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${what} '${value}': ${parsed.error.issues[0].message}`);
  return parsed.data;
}
