// `cost <file.yml> [--region r] [--usage usage.yml] [--free-tier]`: the stack's estimated monthly cost,
// one row per resource with its service, and the total. Problems go to stderr, exit code 1.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { formatDiagnostic, hasErrors, type Diagnostic } from "@/lib/stack/diagnostics";
import { analyzeStack } from "@/lib/stack/validate";
import { estimateStackCost, formatCostTable, isPricedRegion, parseUsage, PRICED_REGIONS, type StackUsage } from "@/lib/cost";
import { parseCliArgs, UsageError } from "../args";
import { specAttributes } from "@/server/validate/cfn-attributes";

export const COST_USAGE = `Usage:
  lambdaplane cost <file.yml> [--region us-east-1] [--usage usage.yml] [--free-tier]

Prints the estimated monthly cost of each resource and the total, in USD.
--region     one of ${PRICED_REGIONS.join(", ")} (default us-east-1)
--usage      a YAML file of usage per resource name (requests, durations, payload sizes...);
             what it leaves out is assumed, and resources relying on assumptions are marked *
--free-tier  apply the always-free allowances (Lambda: 1M requests and 400,000 GB-seconds a month)
`;

export interface CostCommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIO: CostCommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

interface CostArguments {
  file: string;
  region: (typeof PRICED_REGIONS)[number];
  usageFile?: string;
  freeTier: boolean;
}

function parseCostArguments(argv: string[]): CostArguments | "help" {
  const { values, positionals } = parseCliArgs(argv, {
    region: { type: "string", default: "us-east-1" },
    usage: { type: "string" },
    "free-tier": { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError("cost needs a stack definition file");
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
  const region = values.region!;
  if (!isPricedRegion(region)) throw new UsageError(`--region '${region}' has no price data; use one of ${PRICED_REGIONS.join(", ")}`);
  return { file, region, usageFile: values.usage, freeTier: values["free-tier"]! };
}

const shown = (file: string) => path.relative(process.cwd(), path.resolve(file)) || file;

async function readSource(file: string): Promise<{ source?: string; problem?: Diagnostic }> {
  try {
    return { source: await readFile(file, "utf8") };
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    return { problem: { severity: "error", code: "file", message: `cannot read the file: ${reason}`, path: [], file: shown(file) } };
  }
}

function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return `${errors} error${errors === 1 ? "" : "s"}`;
}

async function estimate(args: CostArguments, io: CostCommandIO): Promise<number> {
  const report = (diagnostics: readonly Diagnostic[]) => diagnostics.forEach((d) => io.stderr(`${formatDiagnostic(d)}\n`));

  const stackFile = await readSource(args.file);
  if (stackFile.problem) {
    report([stackFile.problem]);
    return 1;
  }
  const analyzed = analyzeStack(stackFile.source!, { file: shown(args.file), cfnAttributes: specAttributes });
  report(analyzed.diagnostics);
  if (!analyzed.definition || hasErrors(analyzed.diagnostics)) {
    io.stderr(`${shown(args.file)}: not estimated (${summary(analyzed.diagnostics)})\n`);
    return 1;
  }

  let usage: StackUsage = {};
  if (args.usageFile !== undefined) {
    const usageFile = await readSource(args.usageFile);
    if (usageFile.problem) {
      report([usageFile.problem]);
      return 1;
    }
    const parsed = parseUsage(usageFile.source!, analyzed.definition, { file: shown(args.usageFile) });
    if (!parsed.usage) {
      report(parsed.diagnostics);
      io.stderr(`${shown(args.usageFile)}: not estimated (${summary(parsed.diagnostics)})\n`);
      return 1;
    }
    usage = parsed.usage;
  }

  io.stdout(formatCostTable(estimateStackCost(analyzed.definition, { region: args.region, usage, freeTier: args.freeTier })));
  return 0;
}

/** Runs `cost` with the arguments that follow it; resolves to the exit code. */
export async function runCostCommand(argv: string[], io: CostCommandIO = processIO): Promise<number> {
  try {
    const args = parseCostArguments(argv);
    if (args === "help") {
      io.stdout(COST_USAGE);
      return 0;
    }
    return await estimate(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n\n${COST_USAGE}`);
      return 1;
    }
    // A bug, not bad input: still one line, never a stack trace.
    io.stderr(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
