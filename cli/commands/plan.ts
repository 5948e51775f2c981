// `plan --stack S --stage dev [--file stack.yml] [--format text|markdown]`: what deploying the file
// would change, from a change set the server creates and deletes without executing it. Exit code 0
// when nothing would change, 2 when something would, 1 on any error (as `terraform plan
// -detailed-exitcode` does, so CI can tell the three apart).
import { stackNameSchema, stageNameSchema } from "@/lib/names";
import type { Plan } from "@/server/deploy/plan";
import { checkedName, parseCliArgs, UsageError } from "../args";
import { ApiClient } from "../deploy/api-client";
import { readDraft, serverConnection, type ServerConnection } from "../deploy/draft";
import { formatPlanMarkdown, formatPlanText, hasChanges } from "../plan/format";

export const PLAN_USAGE = `Usage:
  npm run cli -- plan --server URL --token T --stack S --stage dev [--file stack.yml] [--format text|markdown]

Shows what deploying a stack definition to a stage would change, without saving a revision or
deploying: per resource the action, whether it is replaced and which properties change, and the
monthly cost difference. The server creates a CloudFormation change set, reads it and deletes it.
--server   the server's URL (or LAMBDAPLANE_SERVER)
--token    an API token with the plan scope (or LAMBDAPLANE_TOKEN)
--stack    the stack's name
--stage    the stage to plan for (it must exist and have an AWS connection)
--file     the stack definition, with the handler files it imports (default stack.yml)
--format   text (default) or markdown, a block ready for a pull-request comment
Exit code 0 when nothing would change, 2 when something would, 1 on errors.
`;

export interface PlanIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const processIO: PlanIO = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env };

const FORMATS = ["text", "markdown"] as const;

interface PlanArguments extends ServerConnection {
  stack: string;
  stage: string;
  file: string;
  format: (typeof FORMATS)[number];
}

function parsePlanArguments(argv: string[], env: PlanIO["env"]): PlanArguments | "help" {
  const { values, positionals } = parseCliArgs(argv, {
    server: { type: "string" },
    token: { type: "string" },
    stack: { type: "string" },
    stage: { type: "string" },
    file: { type: "string", default: "stack.yml" },
    format: { type: "string", default: "text" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(" ")}`);
  const connection = serverConnection(values, env, "plan");
  if (!values.stack) throw new UsageError("--stack is required");
  if (!values.stage) throw new UsageError("--stage is required");
  const format = values.format as PlanArguments["format"];
  if (!FORMATS.includes(format)) throw new UsageError(`--format '${values.format}' is not one of ${FORMATS.join(", ")}`);
  return {
    ...connection,
    stack: checkedName("--stack", values.stack, stackNameSchema),
    stage: checkedName("--stage", values.stage, stageNameSchema),
    file: values.file!,
    format,
  };
}

export async function runPlanCommand(argv: string[], io: PlanIO = processIO): Promise<number> {
  try {
    const args = parsePlanArguments(argv, io.env);
    if (args === "help") {
      io.stdout(PLAN_USAGE);
      return 0;
    }
    const { yaml, code } = await readDraft(args.file, io.stderr);
    const api = new ApiClient(args.server, args.token);
    const plan = await api.json<Plan>("POST", `api/v1/stacks/${encodeURIComponent(args.stack)}/plan`, { stage: args.stage, yaml, code });
    io.stdout(args.format === "markdown" ? formatPlanMarkdown(plan) : formatPlanText(plan));
    return hasChanges(plan) ? 2 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n\n${PLAN_USAGE}`);
      return 1;
    }
    io.stderr(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
