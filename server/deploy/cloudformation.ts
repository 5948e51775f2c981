import "server-only";
import {
  DeleteChangeSetCommand,
  DescribeChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  type Change,
  type CloudFormationClient,
  type DescribeChangeSetOutput,
  type Stack,
  type StackEvent,
  type StackResourceSummary,
} from "@aws-sdk/client-cloudformation";
import { awsErrorCode } from "@/server/aws/errors";
import { eventsUntil } from "./stack-events";

// The CloudFormation reads the pipeline makes, with "does not exist" as a value rather than an error.

function isMissing(error: unknown): boolean {
  const code = awsErrorCode(error);
  if (code === "ChangeSetNotFound" || code === "ChangeSetNotFoundException") return true;
  // A missing stack, and (in moto) a missing change set, come back as ValidationError "... does not exist".
  return code === "ValidationError" && /does not exist/.test((error as Error).message ?? "");
}

export async function describeStack(cf: CloudFormationClient, stackName: string): Promise<Stack | undefined> {
  try {
    return (await cf.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** The change set with every page of its changes, or undefined when there is none by that name. */
export async function describeChangeSet(
  cf: CloudFormationClient,
  stackName: string,
  changeSetName: string,
): Promise<(DescribeChangeSetOutput & { Changes: Change[] }) | undefined> {
  let first: DescribeChangeSetOutput | undefined;
  const changes: Change[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await cf.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName, NextToken: token, IncludePropertyValues: true }));
      first ??= page;
      changes.push(...(page.Changes ?? []));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  return { ...first, Changes: changes };
}

/** Deletes a change set that will not be executed; a missing one is already gone. */
export async function deleteChangeSet(cf: CloudFormationClient, stackName: string, changeSetName: string): Promise<void> {
  try {
    await cf.send(new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName }));
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}

/** The newest event of the stack, or null for a stack without events (or none at all). */
export async function newestEventId(cf: CloudFormationClient, stackName: string): Promise<string | null> {
  try {
    const page = await cf.send(new DescribeStackEventsCommand({ StackName: stackName }));
    return page.StackEvents?.[0]?.EventId ?? null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Events newer than any id in `stopAt` and not older than `notBefore`, oldest first, reading as many pages as that takes. */
export async function eventsSince(cf: CloudFormationClient, stackId: string, stopAt: ReadonlySet<string>, notBefore?: Date): Promise<StackEvent[]> {
  const pages: StackEvent[][] = [];
  let token: string | undefined;
  do {
    const page = await cf.send(new DescribeStackEventsCommand({ StackName: stackId, NextToken: token }));
    const { events, reachedStop } = eventsUntil(page.StackEvents ?? [], stopAt, notBefore);
    pages.unshift(events);
    if (reachedStop) break;
    token = page.NextToken;
  } while (token);
  return pages.flat();
}

/** Every page of the stack's resources; none for a stack that does not exist (any more). */
export async function listStackResources(cf: CloudFormationClient, stackId: string): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  let token: string | undefined;
  try {
    do {
      const page = await cf.send(new ListStackResourcesCommand({ StackName: stackId, NextToken: token }));
      resources.push(...(page.StackResourceSummaries ?? []));
      token = page.NextToken;
    } while (token);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return resources;
}

/** A nested stack's events as eventsSince reads them; none for a nested stack that no longer exists. */
export async function nestedEventsSince(cf: CloudFormationClient, stackId: string, stopAt: ReadonlySet<string>, notBefore: Date): Promise<StackEvent[]> {
  try {
    return await eventsSince(cf, stackId, stopAt, notBefore);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}
