// Which resource made a CloudFormation operation fail, read from its stack events. Pure; shared by
// the pipeline (the deployment's error) and the browser's live timeline (shown during the rollback).

export const STACK_RESOURCE_TYPE = "AWS::CloudFormation::Stack";

export interface RecordedEvent {
  logicalId: string | null;
  resourceType: string | null;
  status: string | null;
  reason: string | null;
}

// When one resource fails, CloudFormation cancels the others with these reasons: they are not the cause.
const KNOCK_ON = /^Resource (creation|update) cancelled$|^Resource handler returned message: "Resource creation cancelled"/i;

/** The first resource that failed and why (events oldest first): what the user needs to see. */
export function firstFailure<E extends RecordedEvent>(events: readonly E[]): E | undefined {
  const failed = events.filter((e) => e.status?.endsWith("_FAILED"));
  const resources = failed.filter((e) => e.resourceType !== STACK_RESOURCE_TYPE);
  return resources.find((e) => !KNOCK_ON.test(e.reason ?? "")) ?? resources[0] ?? failed[0];
}

export function failureMessage(failure: RecordedEvent | undefined, stackStatus: string): string {
  if (!failure) return `The stack ended in ${stackStatus}.`;
  const what = failure.resourceType === STACK_RESOURCE_TYPE ? `The stack ${failure.logicalId}` : `${failure.logicalId} (${failure.resourceType})`;
  return `${what} failed: ${failure.reason || failure.status}`;
}
