import "server-only";
import { CancelUpdateStackCommand, DeleteStackCommand, ExecuteChangeSetCommand } from "@aws-sdk/client-cloudformation";
import { db } from "@/server/db/client";
import { translateAwsError } from "@/server/aws/errors";
import type { ChangeSetSummary } from "../change-set";
import { describeChangeSet, describeStack, eventsSince, listStackResources, nestedEventsSince } from "../cloudformation";
import { retryingDb } from "../db-retry";
import { appendEvents, hasEvent } from "../events";
import { toJson } from "../json";
import { changeSetName, clientRequestToken } from "../names";
import { StepFailure, type RunContext, type StepResult } from "../run-context";
import { failureMessage, firstFailure, STACK_RESOURCE_TYPE } from "@/lib/deploy/failure";
import { followPoint, inTimeOrder, nestedStacksIn, nestedStacksTouched, type FollowPoint, type RootEvent } from "../nested-stack-events";
import { operationOutcome, timelineEvent, type TimelineEvent } from "../stack-events";
import { nestedStackOf } from "@/lib/deploy/nested-stack";
import { moveTo } from "../store";

// executing: start the CloudFormation operation if that has not happened yet, pass a requested
// cancel on, copy the stack's new events to the timeline, and end the deployment with the stack's
// final status. The events of nested stacks are copied too, each marked with its nested stack: only
// they show what happens inside one. Every part is idempotent: a crash anywhere just means doing it again.

const ALREADY_EXECUTED = new Set(["EXECUTE_IN_PROGRESS", "EXECUTE_COMPLETE", "EXECUTE_FAILED"]);

async function startOperation(run: RunContext): Promise<"started" | "wait"> {
  const { d } = run;
  const cf = run.aws.cloudFormation;
  if (run.operation === "destroy") {
    await cf.send(new DeleteStackCommand({ StackName: d.cfnStackId ?? run.stackName, ClientRequestToken: clientRequestToken(d.id, "delete") }));
  } else {
    const cs = await describeChangeSet(cf, run.stackName, changeSetName(d.id));
    const status = cs?.ExecutionStatus;
    if (status === "AVAILABLE") {
      await cf.send(
        new ExecuteChangeSetCommand({ StackName: run.stackName, ChangeSetName: changeSetName(d.id), ClientRequestToken: clientRequestToken(d.id, "execute") }),
      );
    } else if (status === "OBSOLETE") {
      throw new StepFailure("The change set is obsolete: the stack changed after it was created. Deploy again.");
    } else if (cs && !ALREADY_EXECUTED.has(status ?? "")) {
      return "wait";
    }
  }
  await retryingDb(`recording that deployment ${d.id} started`, () => db().deployment.update({ where: { id: d.id }, data: { executedAt: new Date() } }));
  return "started";
}

async function passCancelOn(run: RunContext): Promise<void> {
  const { d } = run;
  if (!d.cancelRequestedAt || (await hasEvent(db(), d.id, "cancel:sent"))) return;
  let reason = "CancelUpdateStack sent: CloudFormation rolls the update back";
  let details = "";
  try {
    await run.aws.cloudFormation.send(new CancelUpdateStackCommand({ StackName: d.cfnStackId ?? run.stackName, ClientRequestToken: clientRequestToken(d.id, "cancel") }));
  } catch (error) {
    ({ message: reason, details } = translateAwsError(error, { action: "cloudformation:CancelUpdateStack", doing: "cancelling the update", endpoint: d.stage.awsConnection?.endpoint }));
  }
  await appendEvents(d.id, [{ kind: "cancel", eventKey: "cancel:sent", reason, ...(details ? { data: { details } } : {}) }]);
}

async function storedStackEvents(run: RunContext) {
  return db().deploymentEvent.findMany({
    where: { deploymentId: run.d.id, kind: "resource" },
    orderBy: { id: "asc" },
    select: { eventKey: true, at: true, logicalId: true, resourceType: true, status: true, reason: true, data: true },
  });
}

function outputsOf(run: RunContext, outputs: { OutputKey?: string; OutputValue?: string; Description?: string }[] | undefined) {
  const resources = (run.d.changeSet as ChangeSetSummary | null)?.outputResources ?? {};
  const out: Record<string, { value: string; description: string | null; resource: string | null }> = {};
  for (const o of outputs ?? []) {
    if (o.OutputKey) out[o.OutputKey] = { value: o.OutputValue ?? "", description: o.Description ?? null, resource: resources[o.OutputKey] ?? null };
  }
  return out;
}

/**
 * The new events of the root's nested stacks, read after the root's so that none is missed when the
 * root has just finished. Only the nested stacks the root's events show this operation touching are
 * read; before it shows any (and on moto, whose stacks have stack-level events only) all that the
 * root lists. The resources of a deleted root are not listed: moto answers that by creating its
 * nested stacks again. A change set that changes no nested stack needs none of this: nothing is
 * listed at each poll of an ordinary deploy.
 */
async function nestedStackEvents(run: RunContext, root: { id: string; status: string | undefined; events: RootEvent[] }, point: FollowPoint, since: Date): Promise<TimelineEvent[]> {
  const cf = run.aws.cloudFormation;
  const changes = (run.d.changeSet as ChangeSetSummary | null)?.changes;
  if (run.operation !== "destroy" && changes && !changes.some((c) => c.resourceType === STACK_RESOURCE_TYPE)) return [];
  const touched = nestedStacksTouched(run.stackName, root.events);
  const deleted = root.status === undefined || root.status === "DELETE_COMPLETE";
  const refs = touched.length > 0 || deleted ? touched : nestedStacksIn(await listStackResources(cf, root.id));
  const events: TimelineEvent[] = [];
  for (const ref of refs) {
    const stop = point.nestedStops.get(ref.logicalId);
    const fresh = await nestedEventsSince(cf, ref.stackId, new Set(stop ? [stop] : []), since);
    events.push(...fresh.map((e) => timelineEvent(e, ref)));
  }
  return events;
}

export async function followStep(run: RunContext): Promise<StepResult> {
  const { d } = run;
  const cf = run.aws.cloudFormation;
  if (!d.executedAt && (await startOperation(run)) === "wait") return "wait";
  await passCancelOn(run);

  const stackId = d.cfnStackId ?? run.stackName;
  const stored = await storedStackEvents(run);
  const point = followPoint(stored);
  const stopAt = new Set([...(d.baselineEventId ? [d.baselineEventId] : []), ...(point.rootStop ? [point.rootStop] : [])]);
  const fresh = (await eventsSince(cf, stackId, stopAt)).map((e) => timelineEvent(e));
  const stack = await describeStack(cf, stackId);
  const since = point.since ?? fresh[0]?.at ?? null;
  const rootEvents = [...stored, ...fresh].filter((e) => nestedStackOf(e.data) === null);
  const nested = since ? await nestedStackEvents(run, { id: stackId, status: stack?.StackStatus, events: rootEvents }, point, since) : [];
  const batch = inTimeOrder([...fresh, ...nested]);
  await appendEvents(d.id, batch);

  const events = [...stored, ...batch].map((e) => ({
    logicalId: e.logicalId ?? null,
    resourceType: e.resourceType ?? null,
    status: e.status ?? null,
    reason: e.reason ?? null,
    nested: nestedStackOf(e.data) !== null,
  }));
  const ownStackStatuses = events.filter((e) => !e.nested && e.resourceType === STACK_RESOURCE_TYPE && e.logicalId === run.stackName).map((e) => e.status ?? "");
  const outcome = operationOutcome(run.operation, { stackStatus: stack?.StackStatus, ownStackStatuses, cancelRequested: d.cancelRequestedAt !== null });
  if (!outcome) return "wait";

  const stackStatus = stack?.StackStatus ?? "DELETE_COMPLETE";
  const error = outcome === "failed" || outcome === "rolled_back" ? failureMessage(firstFailure(events), stackStatus) : null;
  await moveTo(d.id, run.operation, outcome, {
    data: { error, ...(run.operation === "deploy" && stack ? { outputs: toJson(outputsOf(run, stack.Outputs)) } : {}) },
    reason: error ?? `The stack is ${stackStatus}`,
    also: async (tx) => {
      if (run.operation === "destroy" && outcome === "succeeded") await tx.stage.update({ where: { id: d.stageId }, data: { deployedStackName: null } });
    },
  });
  return "stop";
}
