import { z } from "zod";

// The names people choose for stacks and stages, and the AWS regions they pick: one set of rules
// for the server's forms and API, the browser and the CLI. Pure.

// A stack name becomes part of the CloudFormation stack name `<stack>-<stage>`, which allows
// letters, digits and hyphens, starts with a letter and is at most 128 characters; 64 leaves
// room for the stage.
export const STACK_NAME_MAX = 64;

export const stackNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required.")
  .max(STACK_NAME_MAX, `Name must be at most ${STACK_NAME_MAX} characters.`)
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, "Name must start with a letter and use only letters, digits and hyphens.")
  // /<org>/stacks/import is the import page, so a stack of that name would be unreachable.
  .refine((name) => name !== "import", '"import" is reserved; choose another name.');

/** Stage names: short, lower-case, so `<stack>-<stage>` stays a valid CloudFormation stack name (128 characters, [A-Za-z][A-Za-z0-9-]*). */
export const STAGE_NAME_MAX = 32;

export const stageNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required.")
  .max(STAGE_NAME_MAX, `Name must be at most ${STAGE_NAME_MAX} characters.`)
  .regex(/^[a-z][a-z0-9-]*$/, "Name must start with a lower-case letter and use only lower-case letters, digits and hyphens.");

// AWS region codes: "us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "ap-southeast-5".
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const regionSchema = z
  .string()
  .trim()
  .regex(REGION_PATTERN, "Region must be an AWS region code such as eu-west-1.");
