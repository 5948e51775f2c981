// `deploy --server URL --token T --stack S --stage dev [--file stack.yml] [--message m]`: uploads the
// file as the stack's next revision (with its handler code), starts a deploy of it through the REST
// API, streams the deployment's events with a progress bar, and exits 0 only if it succeeded.
import { stackNameSchema, stageNameSchema } from "@/lib/names";
import { checkedName, parseCliArgs, UsageError } from "../args";
import { ApiClient, ApiError } from "../deploy/api-client";
import { readDraft, serverConnection } from "../deploy/draft";
import { eventLine, isFinished, progressBar, SUCCEEDED, type TimelineEvent } from "../deploy/progress";

export const DEPLOY_USAGE = `Usage:
  lambdaplane deploy --server URL --token T --stack S --stage dev [--file stack.yml] [--message text]

Deploys a stack through a Lambdaplane server's REST API and follows the deployment to its end.
--server   the server's URL, e.g. https://lambdaplane.example.com (or LAMBDAPLANE_SERVER)
--token    an API token with the deploy scope (or LAMBDAPLANE_TOKEN, which keeps it out of shell history)
--stack    the stack's name
--stage    the stage to deploy to (it must exist and have an AWS connection)
--file     a stack definition to upload first as the stack's next revision, with the handler
           files it imports; without it the stack's latest revision is deployed
--message  the revision's message (with --file)
Exit code 0 when the deployment succeeded (or had no changes), 1 otherwise.
`;

export interface DeployIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Redraw the progress bar in place (a terminal) rather than print it at each status change. */
  interactive: boolean;
  env: Record<string, string | undefined>;
}

const processIO: DeployIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
};

interface DeployArguments {
  server: string;
  token: string;
  stack: string;
  stage: string;
  file?: string;
  message?: string;
}

function parseDeployArguments(argv: string[], env: DeployIO["env"]): DeployArguments | "help" {
  const { values, positionals } = parseCliArgs(argv, {
    server: { type: "string" },
    token: { type: "string" },
    stack: { type: "string" },
    stage: { type: "string" },
    file: { type: "string" },
    message: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  if (positionals.length > 0) throw new UsageError(`unexpected arguments: ${positionals.join(" ")}`);
  const { server, token } = serverConnection(values, env, "deploy");
  if (!values.stack) throw new UsageError("--stack is required");
  if (!values.stage) throw new UsageError("--stage is required");
  checkedName("--stack", values.stack, stackNameSchema);
  checkedName("--stage", values.stage, stageNameSchema);
  if (values.message !== undefined && values.file === undefined) throw new UsageError("--message goes with --file");
  return { server, token, stack: values.stack, stage: values.stage, file: values.file, message: values.message };
}

const stackPath = (stack: string) => `api/v1/stacks/${encodeURIComponent(stack)}`;

/** Uploads the file as the next revision; returns its number. */
async function uploadRevision(api: ApiClient, args: DeployArguments & { file: string }, io: DeployIO): Promise<number> {
  const { shown, yaml, code } = await readDraft(args.file, io.stderr);
  const { latestRevision } = await api.json<{ latestRevision: number | null }>("GET", stackPath(args.stack));
  const saved = await api.json<{ revision: number }>("PUT", `${stackPath(args.stack)}/yaml`, {
    baseRevision: latestRevision ?? 0,
    yaml,
    code,
    ...(args.message ? { message: args.message } : {}),
  });
  io.stdout(`Uploaded ${shown} (${Object.keys(code).length} handler file(s)) as revision ${saved.revision} of ${args.stack}\n`);
  return saved.revision;
}

interface DeploymentState {
  status: string;
  operation: "deploy" | "destroy";
  error: string | null;
}

async function follow(api: ApiClient, deploymentId: string, io: DeployIO): Promise<DeploymentState> {
  let state: DeploymentState = { status: "queued", operation: "deploy", error: null };
  let shownStatus = "";
  const bar = (final = false) => {
    if (io.interactive) io.stderr(`\r\x1b[K${progressBar(state.status, state.operation)}${final ? "\n" : ""}`);
    else if (state.status !== shownStatus) io.stdout(`${progressBar(state.status, state.operation)}\n`);
    shownStatus = state.status;
  };
  await api.stream(`api/v1/deployments/${encodeURIComponent(deploymentId)}/events`, (m) => {
    if (m.event === "deployment") {
      const d = JSON.parse(m.data) as DeploymentState | null;
      if (d) state = { status: d.status, operation: d.operation, error: d.error };
      bar();
    } else if (m.event === "message") {
      const e = JSON.parse(m.data) as TimelineEvent;
      if (io.interactive) io.stderr("\r\x1b[K");
      io.stdout(`${eventLine(e)}\n`);
      if (io.interactive) bar();
    } else if (m.event === "error") {
      throw new ApiError(0, `the server could not stream the events: ${(JSON.parse(m.data) as { message: string }).message}`);
    }
  });
  // The stream's last word is its "end" event; the deployment record has the error, if any.
  state = await api.json<DeploymentState>("GET", `api/v1/deployments/${encodeURIComponent(deploymentId)}`);
  bar(true);
  return state;
}

async function deploy(args: DeployArguments, io: DeployIO): Promise<number> {
  const api = new ApiClient(args.server, args.token);
  const revision = args.file ? await uploadRevision(api, { ...args, file: args.file }, io) : undefined;
  const started = await api.json<{ deploymentId: string; revision: number; cloudFormationStackName: string }>("POST", `${stackPath(args.stack)}/deployments`, {
    stage: args.stage,
    ...(revision === undefined ? {} : { revision }),
  });
  io.stdout(`Deploying revision ${started.revision} of ${args.stack} to ${args.stage} (CloudFormation stack ${started.cloudFormationStackName}), deployment ${started.deploymentId}\n`);
  const end = await follow(api, started.deploymentId, io);
  if (!isFinished(end.status)) {
    io.stderr(`deployment ${started.deploymentId} is ${end.status}; the event stream ended before it finished\n`);
    return 1;
  }
  if (SUCCEEDED.has(end.status)) {
    io.stdout(end.status === "no_changes" ? "No changes: the stack is already up to date.\n" : "Deployed.\n");
    return 0;
  }
  io.stderr(`deployment ${started.deploymentId} ${end.status}${end.error ? `: ${end.error}` : ""}\n`);
  return 1;
}

export async function runDeployCommand(argv: string[], io: DeployIO = processIO): Promise<number> {
  try {
    const args = parseDeployArguments(argv, io.env);
    if (args === "help") {
      io.stdout(DEPLOY_USAGE);
      return 0;
    }
    return await deploy(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n\n${DEPLOY_USAGE}`);
      return 1;
    }
    io.stderr(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
