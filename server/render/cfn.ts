// CloudFormation template types and intrinsic-function constructors.
// Values are plain JSON so a template can be serialized (and compared) without a custom encoder.

export type CfValue = string | number | boolean | null | CfValue[] | { [key: string]: CfValue };

export interface CfResource {
  Type: string;
  Condition?: string;
  DependsOn?: string | string[];
  CreationPolicy?: Record<string, CfValue>;
  Properties?: Record<string, CfValue>;
  UpdatePolicy?: Record<string, CfValue>;
  DeletionPolicy?: "Delete" | "Retain" | "Snapshot" | "RetainExceptOnCreate";
  UpdateReplacePolicy?: "Delete" | "Retain" | "Snapshot";
  Metadata?: Record<string, CfValue>;
}

export interface CfOutput {
  Description?: string;
  Value: CfValue;
  Export?: { Name: CfValue };
}

export interface CfParameter {
  Type: string;
  Description?: string;
  Default?: CfValue;
}

export interface CfTemplate {
  AWSTemplateFormatVersion: "2010-09-09";
  Description?: string;
  Parameters?: Record<string, CfParameter>;
  Resources: Record<string, CfResource>;
  Outputs?: Record<string, CfOutput>;
}

export const ref = (logicalId: string): CfValue => ({ Ref: logicalId });

export const getAtt = (logicalId: string, attribute: string): CfValue => ({
  "Fn::GetAtt": [logicalId, attribute],
});

/** `Fn::Sub` with `${Name}` placeholders; variables map names to values when they are not resources. */
export const sub = (template: string, variables?: Record<string, CfValue>): CfValue =>
  variables && Object.keys(variables).length > 0
    ? { "Fn::Sub": [template, variables] }
    : { "Fn::Sub": template };

export const join = (delimiter: string, parts: CfValue[]): CfValue => ({ "Fn::Join": [delimiter, parts] });

export const select = (index: number, list: CfValue): CfValue => ({ "Fn::Select": [String(index), list] });

export const split = (delimiter: string, value: CfValue): CfValue => ({ "Fn::Split": [delimiter, value] });

export const getAzs = (): CfValue => ({ "Fn::GetAZs": "" });

/** ARN with the partition, region and account taken from the deploying stack. */
export const arn = (service: string, resource: string, scope: { region?: boolean; account?: boolean } = {}) =>
  sub(
    `arn:\${AWS::Partition}:${service}:${scope.region === false ? "" : "${AWS::Region}"}:${
      scope.account === false ? "" : "${AWS::AccountId}"
    }:${resource}`,
  );

/** Escapes user text for use inside an `Fn::Sub` template (`${` would start a placeholder). */
export const subLiteral = (text: string) => text.replaceAll("${", "${!");
