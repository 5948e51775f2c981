// Functions have explicit physical names, so their ARNs can be written without referencing the
// function resource. References through a role or an environment variable therefore never form
// dependency cycles (two functions that invoke each other, a function that knows its own ARN).
import { sub, type CfValue } from "./cfn";

export const functionArnFromName = (physicalName: string, qualifier?: string): CfValue =>
  sub(
    `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${physicalName}${
      qualifier === undefined ? "" : `:${qualifier}`
    }`,
  );
