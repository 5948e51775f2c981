import "server-only";
import {
  GetEventSourceMappingCommand,
  GetFunctionCommand,
  GetPolicyCommand,
  ListAliasesCommand,
  type AliasConfiguration,
  type LambdaClient,
} from "@aws-sdk/client-lambda";
import { ListStackResourcesCommand, type CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { awsErrorCode } from "@/server/aws/errors";
import type { CfTemplate } from "@/server/render/cfn";
import { COMPARED_TYPES, functionOf, permissionsByTarget, resourcesOfType, type LiveState } from "./compare-template";
import type { LiveFunction } from "./compare-function";
import type { PolicyStatement } from "./compare-permissions";

// What runs: the stack's physical ids (ListStackResources) and, for each Lambda resource the
// template rendered, the live configuration. "Deleted outside" is a value (null), not an error.

const LANES = 4;
/** ListStackResources pages; a stack has at most 500 resources (100 per page). */
const MAX_PAGES = 10;

export async function physicalIdsOf(cf: CloudFormationClient, stackName: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await cf.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token }));
    for (const r of res.StackResourceSummaries ?? []) {
      if (r.LogicalResourceId && r.PhysicalResourceId && r.ResourceStatus !== "DELETE_COMPLETE") out[r.LogicalResourceId] = r.PhysicalResourceId;
    }
    token = res.NextToken;
    if (!token) break;
  }
  return out;
}

async function orGone<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (awsErrorCode(error) === "ResourceNotFoundException") return null;
    throw error;
  }
}

/** Runs the reads `LANES` at a time. */
async function inLanes(tasks: (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(LANES, tasks.length) }, lane));
}

async function readFunction(lambda: LambdaClient, name: string): Promise<LiveFunction | null> {
  return orGone(async () => {
    const res = await lambda.send(new GetFunctionCommand({ FunctionName: name }));
    return { configuration: res.Configuration ?? {}, reservedConcurrency: res.Concurrency?.ReservedConcurrentExecutions ?? null };
  });
}

async function aliasesOf(lambda: LambdaClient, functionName: string): Promise<AliasConfiguration[] | null> {
  return orGone(async () => {
    const out: AliasConfiguration[] = [];
    let marker: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = await lambda.send(new ListAliasesCommand({ FunctionName: functionName, Marker: marker }));
      out.push(...(res.Aliases ?? []));
      marker = res.NextMarker;
      if (!marker) break;
    }
    return out;
  });
}

type FunctionReader = (name: string) => Promise<LiveFunction | null>;

/** One GetFunction per name however many reads ask for it (the function's own, and a policy's "is it gone?"). */
function functionReader(lambda: LambdaClient): FunctionReader {
  const reads = new Map<string, Promise<LiveFunction | null>>();
  return (name) => {
    let read = reads.get(name);
    if (!read) reads.set(name, (read = readFunction(lambda, name)));
    return read;
  };
}

/** The statements of a function's (or alias ARN's) resource policy; [] without one, null when the function is gone. */
async function policyOf(lambda: LambdaClient, readOnce: FunctionReader, functionName: string): Promise<PolicyStatement[] | null> {
  try {
    const res = await lambda.send(new GetPolicyCommand({ FunctionName: functionName }));
    const policy: unknown = JSON.parse(res.Policy ?? "{}");
    const statements = policy && typeof policy === "object" ? (policy as { Statement?: unknown }).Statement : undefined;
    return Array.isArray(statements) ? (statements as PolicyStatement[]) : [];
  } catch (error) {
    // Lambda answers ResourceNotFoundException both for "no policy" and "no function": ask which.
    if (awsErrorCode(error) !== "ResourceNotFoundException") throw error;
    return (await readOnce(functionName)) ? [] : null;
  }
}

export async function readLive(lambda: LambdaClient, template: CfTemplate, physicalIds: Readonly<Record<string, string>>): Promise<LiveState> {
  const live: LiveState = { functions: {}, mappings: {}, aliases: {}, policies: {} };
  const readOnce = functionReader(lambda);
  const tasks: (() => Promise<void>)[] = [];
  for (const [id] of resourcesOfType(template, COMPARED_TYPES.function)) {
    const name = physicalIds[id];
    if (name) tasks.push(async () => void (live.functions[id] = await readOnce(name)));
  }
  for (const [id] of resourcesOfType(template, COMPARED_TYPES.mapping)) {
    const uuid = physicalIds[id];
    if (uuid) tasks.push(async () => void (live.mappings[id] = await orGone(() => lambda.send(new GetEventSourceMappingCommand({ UUID: uuid })))));
  }
  const aliasesByFunction = new Map<string, [string, string][]>();
  for (const [id, r] of resourcesOfType(template, COMPARED_TYPES.alias)) {
    const fn = functionOf(r);
    const fnName = fn ? physicalIds[fn] : undefined;
    if (fnName && typeof r.Properties?.Name === "string") aliasesByFunction.set(fnName, [...(aliasesByFunction.get(fnName) ?? []), [id, r.Properties.Name]]);
  }
  for (const [fnName, wanted] of aliasesByFunction) {
    tasks.push(async () => {
      const aliases = (await aliasesOf(lambda, fnName)) ?? [];
      for (const [id, aliasName] of wanted) live.aliases[id] = aliases.find((a) => a.Name === aliasName) ?? null;
    });
  }
  for (const target of permissionsByTarget(template).keys()) {
    const name = physicalIds[target];
    if (name) tasks.push(async () => void (live.policies[target] = await policyOf(lambda, readOnce, name)));
  }
  await inLanes(tasks);
  return live;
}
