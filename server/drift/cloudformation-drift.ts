import "server-only";
import {
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand,
  DetectStackDriftCommand,
  type CloudFormationClient,
  type StackResourceDrift,
} from "@aws-sdk/client-cloudformation";
import { translateAwsError, awsErrorCode } from "@/server/aws/errors";
import type { DriftItem } from "./types";

// CloudFormation's own drift detection (every resource type, its expected and actual properties),
// where the endpoint implements it. Emulators often do not (moto answers an HTML error page): that
// is a result, "not supported by this endpoint", not a failure of the check.

export type CloudFormationDrift =
  | { status: "checked"; stackDriftStatus: string; drifts: DriftItem[] }
  | { status: "not_supported"; message: string }
  | { status: "failed"; message: string };

export interface DetectOptions {
  endpoint: string | null;
  pollMs: number;
  /** Bounded: detection that takes longer is reported as not finished. */
  maxPolls: number;
  sleep: (ms: number) => Promise<void>;
}

const NOT_IMPLEMENTED = new Set(["NotImplemented", "NotImplementedException", "InvalidAction"]);
const MAX_PAGES = 10;

function unsupported(error: unknown, endpoint: string | null): boolean {
  if (!endpoint) return false;
  const code = awsErrorCode(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return NOT_IMPLEMENTED.has(code) || status === 501 || translateAwsError(error, { action: "cloudformation:DetectStackDrift" }).kind === "not-aws";
}

const asItems = (drift: StackResourceDrift): DriftItem[] => {
  const resource = drift.LogicalResourceId ?? drift.PhysicalResourceId ?? "?";
  if (drift.StackResourceDriftStatus === "DELETED") return [{ resource, property: "(resource)", deployed: drift.PhysicalResourceId ?? resource, live: null }];
  return (drift.PropertyDifferences ?? []).map((p) => ({ resource, property: p.PropertyPath ?? "?", deployed: p.ExpectedValue ?? null, live: p.ActualValue ?? null }));
};

async function resourceDrifts(cf: CloudFormationClient, stackName: string): Promise<DriftItem[]> {
  const out: DriftItem[] = [];
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await cf.send(
      new DescribeStackResourceDriftsCommand({ StackName: stackName, StackResourceDriftStatusFilters: ["MODIFIED", "DELETED"], NextToken: token }),
    );
    for (const d of res.StackResourceDrifts ?? []) out.push(...asItems(d));
    token = res.NextToken;
    if (!token) break;
  }
  return out;
}

export async function detectCloudFormationDrift(cf: CloudFormationClient, stackName: string, options: DetectOptions): Promise<CloudFormationDrift> {
  let detectionId: string | undefined;
  try {
    detectionId = (await cf.send(new DetectStackDriftCommand({ StackName: stackName }))).StackDriftDetectionId;
  } catch (error) {
    if (unsupported(error, options.endpoint)) return { status: "not_supported", message: `CloudFormation drift detection is not supported by the endpoint ${options.endpoint}: the Lambda-level check below is the result.` };
    return { status: "failed", message: translateAwsError(error, { action: "cloudformation:DetectStackDrift", doing: `detecting drift of ${stackName}`, endpoint: options.endpoint }).message };
  }
  try {
    for (let poll = 0; poll < options.maxPolls; poll++) {
      const status = await cf.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detectionId }));
      if (status.DetectionStatus === "DETECTION_IN_PROGRESS") {
        await options.sleep(options.pollMs);
        continue;
      }
      if (status.DetectionStatus === "DETECTION_FAILED" && !status.StackDriftStatus) {
        return { status: "failed", message: `CloudFormation could not detect drift: ${status.DetectionStatusReason ?? "no reason given"}` };
      }
      return { status: "checked", stackDriftStatus: status.StackDriftStatus ?? "UNKNOWN", drifts: await resourceDrifts(cf, stackName) };
    }
    return { status: "failed", message: `CloudFormation drift detection did not finish within ${Math.round((options.pollMs * options.maxPolls) / 1000)} s; check again later.` };
  } catch (error) {
    return { status: "failed", message: translateAwsError(error, { action: "cloudformation", doing: `reading the drift of ${stackName}`, endpoint: options.endpoint }).message };
  }
}
