// A scripted CloudFormation double for what moto cannot do: moto never fails a stack, never rolls
// back, has no in-progress phase and no CancelUpdateStack. This in-process HTTP server speaks the
// CloudFormation query protocol (form-encoded requests, XML answers) for the stacks a test scripts,
// and forwards every other request (S3, STS, other stacks such as the artifacts bootstrap) to an
// upstream, normally a real moto server. Scripted stacks play realistic DescribeStackEvents
// sequences: resources in progress, CREATE_FAILED with a reason, then the ROLLBACK_* events.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

export interface ScriptedEvent {
  /** Milliseconds after the previous event (or after the call that starts the script). */
  afterMs?: number;
  /** Defaults to the stack itself (AWS::CloudFormation::Stack); a stack event sets the stack status. */
  logicalId?: string;
  resourceType?: string;
  status: string;
  reason?: string;
}

export interface StackScript {
  /** Played when the change set is executed. */
  onExecute: ScriptedEvent[];
  /** Played when an UPDATE change set is executed; `onExecute` when absent. */
  onUpdate?: ScriptedEvent[];
  /** Played on CancelUpdateStack while the update is in progress. */
  onCancel?: ScriptedEvent[];
  /** Played on DeleteStack. */
  onDelete?: ScriptedEvent[];
  /** An existing stack in this status (an update); a new stack (REVIEW_IN_PROGRESS on its first change set) when absent. */
  existingStatus?: string;
  outputs?: Record<string, string>;
}

interface StackState {
  name: string;
  id: string;
  status: string | undefined;
  reason?: string;
  created: Date;
  /** Newest first, as DescribeStackEvents returns them. */
  events: Record<string, string>[];
  changeSets: Map<string, { id: string; type: string; resources: { logicalId: string; type: string }[]; execution: string }>;
  script: StackScript;
  timers: NodeJS.Timeout[];
}

export interface CloudFormationDouble {
  endpoint: string;
  /** Every CloudFormation call the double answered itself, in order. */
  calls: { action: string; stackName?: string }[];
  /** Operations refused because the stack already had one in progress (CloudFormation refuses them too). */
  overlaps: { action: string; stackName: string; status: string }[];
  script(stackName: string, script: StackScript): void;
  stackStatus(stackName: string): string | undefined;
  stop(): Promise<void>;
}

const NS = "http://cloudformation.amazonaws.com/doc/2010-05-15/";
const ACCOUNT = "123456789012";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const el = (name: string, value: string | undefined) => (value === undefined ? "" : `<${name}>${xml(value)}</${name}>`);
const members = (items: string[]) => items.map((i) => `<member>${i}</member>`).join("");

function reply(res: ServerResponse, action: string, result: string) {
  res.writeHead(200, { "Content-Type": "text/xml" });
  res.end(
    `<${action}Response xmlns="${NS}">${result ? `<${action}Result>${result}</${action}Result>` : ""}<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

function error(res: ServerResponse, code: string, message: string) {
  res.writeHead(400, { "Content-Type": "text/xml" });
  res.end(`<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`);
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function templateResources(templateBody: string | undefined): { logicalId: string; type: string }[] {
  if (!templateBody) return [];
  const resources = (JSON.parse(templateBody) as { Resources?: Record<string, { Type: string }> }).Resources ?? {};
  return Object.entries(resources).map(([logicalId, r]) => ({ logicalId, type: r.Type }));
}

export async function startCloudFormationDouble(options: { upstream: string; region: string; port?: number }): Promise<CloudFormationDouble> {
  const stacks = new Map<string, StackState>();
  const scripts = new Map<string, StackScript>();
  const calls: CloudFormationDouble["calls"] = [];
  const overlaps: CloudFormationDouble["overlaps"] = [];
  const busy = (stack: StackState) => stack.status !== undefined && stack.status !== "REVIEW_IN_PROGRESS" && stack.status.endsWith("_IN_PROGRESS");
  function refuseWhileBusy(stack: StackState, action: string, res: ServerResponse): boolean {
    if (!busy(stack)) return false;
    overlaps.push({ action, stackName: stack.name, status: stack.status! });
    error(res, "ValidationError", `Stack:${stack.id} is in ${stack.status} state and can not be updated.`);
    return true;
  }

  const find = (nameOrId: string | undefined) => [...stacks.values()].find((s) => s.name === nameOrId || s.id === nameOrId);

  function addEvent(stack: StackState, e: ScriptedEvent) {
    const logicalId = e.logicalId ?? stack.name;
    const isStack = logicalId === stack.name;
    stack.events.unshift({
      StackId: stack.id,
      EventId: isStack ? randomUUID() : `${logicalId}-${e.status}-${new Date().toISOString()}-${randomUUID().slice(0, 8)}`,
      StackName: stack.name,
      LogicalResourceId: logicalId,
      PhysicalResourceId: isStack ? stack.id : `${stack.name}-${logicalId}`,
      ResourceType: e.resourceType ?? "AWS::CloudFormation::Stack",
      Timestamp: new Date().toISOString(),
      ResourceStatus: e.status,
      ...(e.reason ? { ResourceStatusReason: e.reason } : {}),
    });
    if (isStack) {
      stack.status = e.status;
      stack.reason = e.reason;
    }
  }

  function play(stack: StackState, events: ScriptedEvent[]) {
    let at = 0;
    for (const e of events) {
      at += e.afterMs ?? 0;
      stack.timers.push(setTimeout(() => addEvent(stack, e), at));
    }
  }

  function newStack(name: string, script: StackScript): StackState {
    const stack: StackState = {
      name,
      id: `arn:aws:cloudformation:${options.region}:${ACCOUNT}:stack/${name}/${randomUUID()}`,
      status: undefined,
      created: new Date(),
      events: [],
      changeSets: new Map(),
      script,
      timers: [],
    };
    stacks.set(name, stack);
    if (script.existingStatus) addEvent(stack, { status: script.existingStatus });
    return stack;
  }

  function stackXml(s: StackState) {
    const outputs = s.status === "CREATE_COMPLETE" || s.status === "UPDATE_COMPLETE" ? Object.entries(s.script.outputs ?? {}) : [];
    return [
      el("StackName", s.name),
      el("StackId", s.id),
      el("CreationTime", s.created.toISOString()),
      el("StackStatus", s.status),
      el("StackStatusReason", s.reason),
      outputs.length ? `<Outputs>${members(outputs.map(([k, v]) => el("OutputKey", k) + el("OutputValue", v)))}</Outputs>` : "",
    ].join("");
  }

  function handle(params: URLSearchParams, res: ServerResponse): boolean {
    const action = params.get("Action") ?? "";
    const stackName = params.get("StackName") ?? undefined;
    const scripted = stackName !== undefined && (scripts.has(stackName) || find(stackName) !== undefined);
    if (!scripted) return false;
    calls.push({ action, stackName });
    let stack = find(stackName);
    const missing = () => error(res, "ValidationError", `Stack with id ${stackName} does not exist`);

    switch (action) {
      case "DescribeStacks":
        if (!stack || stack.status === undefined) return missing(), true;
        return reply(res, action, `<Stacks>${members([stackXml(stack)])}</Stacks>`), true;
      case "DescribeStackEvents":
        if (!stack) return missing(), true;
        return reply(res, action, `<StackEvents>${members(stack.events.map((e) => Object.entries(e).map(([k, v]) => el(k, v)).join("")))}</StackEvents>`), true;
      case "ListStackResources":
        // Scripted stacks play their events only: they have no nested stacks to follow.
        if (!stack) return missing(), true;
        return reply(res, action, "<StackResourceSummaries></StackResourceSummaries>"), true;
      case "CreateChangeSet": {
        stack ??= newStack(stackName!, scripts.get(stackName!)!);
        const name = params.get("ChangeSetName")!;
        const type = params.get("ChangeSetType") ?? "UPDATE";
        if (type === "CREATE" && stack.status === undefined) addEvent(stack, { status: "REVIEW_IN_PROGRESS", reason: "User Initiated" });
        const id = `arn:aws:cloudformation:${options.region}:${ACCOUNT}:changeSet/${name}/${randomUUID()}`;
        stack.changeSets.set(name, { id, type, resources: templateResources(params.get("TemplateBody") ?? undefined), execution: "AVAILABLE" });
        return reply(res, action, el("Id", id) + el("StackId", stack.id)), true;
      }
      case "DescribeChangeSet": {
        const cs = stack?.changeSets.get(params.get("ChangeSetName") ?? "");
        if (!stack || !cs) return error(res, "ChangeSetNotFound", `ChangeSet [${params.get("ChangeSetName")}] does not exist`), true;
        const action_ = cs.type === "CREATE" ? "Add" : "Modify";
        const changes = cs.resources.map((r) => `<Type>Resource</Type><ResourceChange>${el("Action", action_)}${el("LogicalResourceId", r.logicalId)}${el("ResourceType", r.type)}${action_ === "Modify" ? el("Replacement", "False") : ""}</ResourceChange>`);
        return (
          reply(
            res,
            action,
            el("ChangeSetName", params.get("ChangeSetName") ?? "") + el("ChangeSetId", cs.id) + el("StackId", stack.id) + el("StackName", stack.name) +
              el("Status", "CREATE_COMPLETE") + el("ExecutionStatus", cs.execution) + `<Changes>${members(changes)}</Changes>`,
          ),
          true
        );
      }
      case "ExecuteChangeSet": {
        const cs = stack?.changeSets.get(params.get("ChangeSetName") ?? "");
        if (!stack || !cs) return error(res, "ChangeSetNotFound", "ChangeSet does not exist"), true;
        if (cs.execution !== "AVAILABLE") return error(res, "InvalidChangeSetStatus", `ChangeSet is in ${cs.execution} state`), true;
        if (refuseWhileBusy(stack, action, res)) return true;
        cs.execution = "EXECUTE_IN_PROGRESS";
        play(stack, cs.type === "UPDATE" ? (stack.script.onUpdate ?? stack.script.onExecute) : stack.script.onExecute);
        return reply(res, action, ""), true;
      }
      case "DeleteChangeSet":
        stack?.changeSets.delete(params.get("ChangeSetName") ?? "");
        return reply(res, action, ""), true;
      case "CancelUpdateStack":
        if (!stack || stack.status !== "UPDATE_IN_PROGRESS" || !stack.script.onCancel) {
          return error(res, "ValidationError", `CancelUpdateStack cannot be called from current stack status ${stack?.status}`), true;
        }
        for (const t of stack.timers) clearTimeout(t);
        play(stack, stack.script.onCancel);
        return reply(res, action, ""), true;
      case "DeleteStack":
        if (stack && refuseWhileBusy(stack, action, res)) return true;
        if (stack) play(stack, stack.script.onDelete ?? [{ status: "DELETE_IN_PROGRESS", reason: "User Initiated" }, { status: "DELETE_COMPLETE", afterMs: 50 }]);
        return reply(res, action, ""), true;
      default:
        return error(res, "InvalidAction", `The double does not script ${action}`), true;
    }
  }

  async function forward(req: IncomingMessage, payload: Buffer, res: ServerResponse) {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && k !== "host" && k !== "content-length") headers.set(k, v);
    const upstream = await fetch(`${options.upstream}${req.url}`, { method: req.method, headers, body: payload.length ? new Uint8Array(payload) : undefined });
    const out: Record<string, string> = {};
    upstream.headers.forEach((v, k) => {
      if (k !== "content-encoding" && k !== "transfer-encoding" && k !== "content-length") out[k] = v;
    });
    res.writeHead(upstream.status, out);
    res.end(Buffer.from(await upstream.arrayBuffer()));
  }

  const server: Server = createServer((req, res) => {
    body(req)
      .then(async (payload) => {
        const isCloudFormation = /\/cloudformation\/aws4_request/.test(req.headers.authorization ?? "");
        if (isCloudFormation && handle(new URLSearchParams(payload.toString("utf8")), res)) return;
        await forward(req, payload, res);
      })
      .catch((e: unknown) => {
        res.writeHead(500);
        res.end(String(e));
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    overlaps,
    script: (stackName, script) => {
      scripts.set(stackName, script);
      if (script.existingStatus) newStack(stackName, script);
    },
    stackStatus: (stackName) => find(stackName)?.status,
    stop: async () => {
      for (const s of stacks.values()) for (const t of s.timers) clearTimeout(t);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
