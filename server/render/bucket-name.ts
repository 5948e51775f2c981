// Bucket names are global across AWS accounts, so the account and region are part of the name.
// The name (and so the ARN) is known without referencing the bucket resource, which keeps
// references to it from creating dependency cycles: the bucket itself depends on the invoke
// permissions of its notifications, and those functions' roles may grant access to the bucket.
import { sub, type CfValue } from "./cfn";
import type { RenderOptions } from "./options";
import { physicalNames } from "./naming";

type NameOptions = Pick<RenderOptions, "stackName" | "stage">;

/** An `Fn::Sub` template resolving to the bucket's name (at most 63 characters). */
export function bucketNameTemplate(options: NameOptions, bucket: string): string {
  return `${physicalNames.bucketPrefix(options.stackName, options.stage, bucket)}-\${AWS::AccountId}-\${AWS::Region}`;
}

export const bucketName = (options: NameOptions, bucket: string): CfValue => sub(bucketNameTemplate(options, bucket));

/** The bucket's ARN, or with `suffix` "/*" the ARN of its objects. */
export const bucketArn = (options: NameOptions, bucket: string, suffix = ""): CfValue =>
  sub(`arn:\${AWS::Partition}:s3:::${bucketNameTemplate(options, bucket)}${suffix}`);
