// What the CloudFormation double plays for the crash tests (a worker process, server/deploy/
// deploy-restart.int.test.ts, and the web process, e2e/deploy-crash.spec.ts): twelve resource
// events over about 4 seconds, then CREATE_COMPLETE, long enough to kill a process in the middle.
import type { ScriptedEvent } from "./cloudformation-double";

const RESOURCES = ["jobsQueue", "WorkerRole", "CronRole", "WorkerLogGroup", "CronLogGroup", "WorkerFunction"];

export const CRASH_SCRIPT: ScriptedEvent[] = [
  { status: "CREATE_IN_PROGRESS", reason: "User Initiated" },
  ...RESOURCES.flatMap((logicalId) => [
    { afterMs: 150, logicalId, resourceType: "AWS::Test::Resource", status: "CREATE_IN_PROGRESS" },
    { afterMs: 200, logicalId, resourceType: "AWS::Test::Resource", status: "CREATE_COMPLETE" },
  ]),
  { afterMs: 150, status: "CREATE_COMPLETE" },
];

/** The timeline's resource events, as `<logicalId> <status>`, that playing the script on `stackName` must leave. */
export const crashScriptTimeline = (stackName: string): string[] => CRASH_SCRIPT.map((e) => `${e.logicalId ?? stackName} ${e.status}`);
