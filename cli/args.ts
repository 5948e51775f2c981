import { parseArgs, type ParseArgsConfig } from "node:util";

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
