// Lambdaplane CLI: `render <file.yml>` prints the CloudFormation template (and nothing else) on
// stdout; `validate <file.yml>` reports every problem; `cost <file.yml>` estimates the monthly
// cost (commands/cost.ts); `deploy` deploys through a server's REST API (commands/deploy.ts), and
// `plan` previews a deploy there (commands/plan.ts).
// Problems go to stderr, exit code 1.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { capDiagnostics, formatDiagnostic, hasErrors, type Diagnostic } from "@/lib/stack/diagnostics";
import { renderFile, type PipelineOptions } from "./pipeline";
import { regionSchema, stackNameSchema, stageNameSchema } from "@/lib/names";
import { checkedName, parseCliArgs, UsageError } from "./args";

const USAGE = `Usage:
  lambdaplane render <file.yml> [--stage dev] [--region us-east-1] [--stack-name <name>] [--out-dir <dir>]
  lambdaplane validate <file.yml> [--stage dev] [--region us-east-1] [--stack-name <name>]
  lambdaplane cost <file.yml> [--region us-east-1] [--usage usage.yml] [--free-tier]
  lambdaplane deploy --server URL --token T --stack S --stage dev [--file stack.yml]
  lambdaplane plan --server URL --token T --stack S --stage dev [--file stack.yml] [--format markdown]

render    prints the CloudFormation template JSON on stdout
validate  prints every diagnostic (schema, references, limits, CloudFormation spec)
cost      prints the estimated monthly cost per resource and the total (cost --help for more)
deploy    uploads a revision, deploys it through a Lambdaplane server and follows it (deploy --help)
plan      what deploying the file to a stage would change, without deploying (plan --help)

--stack-name defaults to the file name without its extension.
--out-dir   where render writes the nested stack templates of a stack past CloudFormation's 500
            resources or template size (required then); stdout gets the parent template.
Handler code is packaged as a deploy packages it (esbuild bundle, deterministic zip; cached in
~/.cache/lambdaplane, or LAMBDAPLANE_CACHE_DIR): the template names bucket lambdaplane-artifacts-<region>
(a placeholder for the account's artifacts bucket) and key functions/<sha256 of the zip>.zip, the key a deploy uploads to.
`;


interface Command {
  name: "render" | "validate";
  file: string;
  options: PipelineOptions;
  outDir?: string;
}

function parseCommand(argv: string[]): Command | "help" {
  const { values, positionals } = parseCliArgs(argv, {
    stage: { type: "string", default: "dev" },
    region: { type: "string", default: "us-east-1" },
    "stack-name": { type: "string" },
    "out-dir": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  const [name, file, ...extra] = positionals;
  if (name !== "render" && name !== "validate") {
    throw new UsageError(name === undefined ? "missing command" : `unknown command '${name}'`);
  }
  if (file === undefined) throw new UsageError(`${name} needs a stack definition file`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
  const stage = checkedName("--stage", values.stage!, stageNameSchema);
  const region = checkedName("--region", values.region!, regionSchema);
  const named = values["stack-name"];
  const stackName = checkedName(named === undefined ? "stack name (from the file name; set --stack-name)" : "--stack-name", named ?? path.basename(file).replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9-]/g, "-"), stackNameSchema);
  const outDir = values["out-dir"] === undefined ? undefined : path.resolve(values["out-dir"]);
  return { name, file: path.resolve(file), options: { stage, region, stackName }, outDir };
}

/** The first 100 diagnostics and a count of the rest (the summary line still counts them all). */
function report(diagnostics: Diagnostic[]): void {
  for (const d of capDiagnostics(diagnostics)) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

function summary(diagnostics: Diagnostic[]): string {
  const listed = diagnostics.filter((d) => d.code !== "truncated");
  const more = diagnostics.find((d) => d.code === "truncated");
  const errors = listed.filter((d) => d.severity === "error").length;
  const warnings = listed.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}${more ? `, ${more.message}` : ""}`;
}

async function run(command: Command): Promise<number> {
  const result = await renderFile(command.file, command.options);
  const shownFile = path.relative(process.cwd(), command.file) || command.file;

  if (command.name === "render") {
    report(result.diagnostics);
    if (hasErrors(result.diagnostics) || !result.template) {
      process.stderr.write(`${shownFile}: not rendered (${summary(result.diagnostics)})\n`);
      return 1;
    }
    if (result.nestedUploads) {
      if (!command.outDir) {
        process.stderr.write(
          `${shownFile}: the stack is past one CloudFormation template's limits and was split into ${result.nestedUploads.length} nested stacks: pass --out-dir <dir> to write their templates\n`,
        );
        return 1;
      }
      for (const upload of result.nestedUploads) {
        const target = path.join(command.outDir, upload.key);
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, upload.body);
      }
    }
    const { serializeTemplate } = await import("@/server/render");
    process.stdout.write(serializeTemplate(result.template));
    return 0;
  }

  // Rendering checked the template against the CloudFormation spec, so render and validate refuse the same stacks.
  const diagnostics = result.diagnostics;
  report(diagnostics);
  if (hasErrors(diagnostics)) {
    process.stderr.write(`${shownFile}: ${summary(diagnostics)}\n`);
    return 1;
  }
  process.stdout.write(`${shownFile}: valid (${summary(diagnostics)})\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === "deploy") {
    const { runDeployCommand } = await import("./commands/deploy");
    return runDeployCommand(argv.slice(1));
  }
  if (argv[0] === "plan") {
    const { runPlanCommand } = await import("./commands/plan");
    return runPlanCommand(argv.slice(1));
  }
  if (argv[0] === "cost") {
    const { runCostCommand } = await import("./commands/cost");
    return runCostCommand(argv.slice(1));
  }
  try {
    const command = parseCommand(argv);
    if (command === "help") {
      process.stdout.write(USAGE);
      return 0;
    }
    return await run(command);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n\n${USAGE}`);
      return 1;
    }
    // A bug, not bad input: still one line, never a stack trace.
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
