import { z } from "zod";

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
