// The CloudWatch log group a function writes to, created by the stack so its retention is set
// and it is deleted with the stack (a group Lambda creates on first write would outlive it).
import { arn, type CfResource } from "./cfn";
import { allow, type IamStatement } from "./iam";

export const functionLogGroupName = (functionName: string) => `/aws/lambda/${functionName}`;

export function logGroupResource(logGroupName: string, retentionInDays: number): CfResource {
  return {
    Type: "AWS::Logs::LogGroup",
    Properties: { LogGroupName: logGroupName, RetentionInDays: retentionInDays },
  };
}

/** Write access to the streams of exactly one log group that already exists (the stack creates it). */
export function writeLogsStatement(logGroupName: string): IamStatement {
  return allow(["logs:CreateLogStream", "logs:PutLogEvents"], [arn("logs", `log-group:${logGroupName}:*`)]);
}
