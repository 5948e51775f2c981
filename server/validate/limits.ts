import type { Diagnostic } from "@/lib/stack/diagnostics";
import { isPlainObject } from "./template-refs";

// CloudFormation's per-template quotas, as data with where each number comes from, and a check of a
// rendered template against them. Diagnostics have code "limit" and a path inside the template.

export interface CloudFormationLimit {
  value: number;
  unit: "resources" | "outputs" | "parameters" | "mappings" | "bytes" | "characters" | "references";
  description: string;
  source: string;
}

const QUOTAS_PAGE =
  "AWS CloudFormation User Guide, 'Understand CloudFormation quotas', " +
  "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html " +
  "(same values in cfn-lint 1.51, cfnlint/helpers.py LIMITS)";

export const CLOUDFORMATION_LIMITS = {
  resources: {
    value: 500,
    unit: "resources",
    description: "resources declared in one template",
    source: QUOTAS_PAGE,
  },
  templateBodyBytesS3: {
    value: 1_000_000,
    unit: "bytes",
    description: "template body passed as an Amazon S3 object (TemplateURL)",
    source: QUOTAS_PAGE,
  },
  templateBodyBytesInline: {
    value: 51_200,
    unit: "bytes",
    description: "template body passed inline in a CreateStack / UpdateStack / CreateChangeSet request",
    source: QUOTAS_PAGE,
  },
  outputs: { value: 200, unit: "outputs", description: "outputs declared in one template", source: QUOTAS_PAGE },
  parameters: { value: 200, unit: "parameters", description: "parameters declared in one template", source: QUOTAS_PAGE },
  mappings: { value: 200, unit: "mappings", description: "mappings declared in one template", source: QUOTAS_PAGE },
  nameLength: {
    value: 255,
    unit: "characters",
    description: "length of a resource, parameter, output or mapping name",
    source: QUOTAS_PAGE,
  },
  parameterValueBytes: { value: 4096, unit: "bytes", description: "size of one parameter value", source: QUOTAS_PAGE },
  descriptionBytes: { value: 1024, unit: "bytes", description: "size of the template Description", source: QUOTAS_PAGE },
  dynamicReferences: {
    value: 60,
    unit: "references",
    description: "dynamic references ({{resolve:...}}) in one template",
    source: QUOTAS_PAGE,
  },
} as const satisfies Record<string, CloudFormationLimit>;

/**
 * Logical ids of resources, parameters, outputs and mappings are alphanumeric (condition names may also hold & and _).
 * Source: AWS CloudFormation User Guide, 'Resources template section syntax',
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html
 */
export const LOGICAL_ID_PATTERN = /^[A-Za-z0-9]+$/;

/**
 * The body as the CLI prints it and the deploy pipeline uploads it (serializeTemplate in
 * server/render/index.ts): sizes are measured on these bytes unless the caller passes its own.
 */
export function uploadedTemplateBody(template: unknown): string {
  return `${JSON.stringify(template, null, 2)}\n`;
}

export interface TemplateSize {
  resources: number;
  bytes: number;
  parameters: number;
  outputs: number;
}

function count(section: unknown): number {
  return isPlainObject(section) ? Object.keys(section).length : 0;
}

export function measureTemplate(template: Record<string, unknown>, body = uploadedTemplateBody(template)): TemplateSize {
  return {
    resources: count(template.Resources),
    bytes: Buffer.byteLength(body, "utf8"),
    parameters: count(template.Parameters),
    outputs: count(template.Outputs),
  };
}

function countDynamicReferences(value: unknown): number {
  if (typeof value === "string") return value.split("{{resolve:").length - 1;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countDynamicReferences(v), 0);
  if (isPlainObject(value)) return Object.values(value).reduce((n: number, v) => n + countDynamicReferences(v), 0);
  return 0;
}

export interface LimitCheckOptions {
  /** How the body reaches CloudFormation; "s3" (TemplateURL) allows 1,000,000 bytes, "inline" 51,200. */
  upload: "s3" | "inline";
  /** The exact body that is uploaded, when it is not uploadedTemplateBody(template). */
  body?: string;
}

function limitError(path: (string | number)[], message: string): Diagnostic {
  return { severity: "error", code: "limit", message, path };
}

/** Checks a rendered template against CloudFormation's per-template quotas. */
export function validateTemplateLimits(
  template: Record<string, unknown>,
  options: LimitCheckOptions = { upload: "s3" },
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const L = CLOUDFORMATION_LIMITS;
  const size = measureTemplate(template, options.body);
  const bodyLimit = options.upload === "s3" ? L.templateBodyBytesS3 : L.templateBodyBytesInline;
  if (size.resources > L.resources.value) {
    found.push(
      limitError(["Resources"], `The template declares ${size.resources} resources; CloudFormation allows at most ${L.resources.value}`),
    );
  }
  if (size.bytes > bodyLimit.value) {
    found.push(
      limitError(
        [],
        `The template body is ${size.bytes} bytes; CloudFormation allows at most ${bodyLimit.value} for a ${bodyLimit.description}`,
      ),
    );
  }
  const sections = [
    ["Parameters", size.parameters, L.parameters.value],
    ["Outputs", size.outputs, L.outputs.value],
    ["Mappings", count(template.Mappings), L.mappings.value],
  ] as const;
  for (const [section, n, max] of sections) {
    if (n > max) {
      found.push(limitError([section], `The template declares ${n} ${section.toLowerCase()}; CloudFormation allows at most ${max}`));
    }
  }
  for (const section of ["Resources", "Parameters", "Outputs", "Mappings"]) {
    const entries = template[section];
    if (!isPlainObject(entries)) continue;
    for (const name of Object.keys(entries)) {
      if (!LOGICAL_ID_PATTERN.test(name)) {
        found.push(limitError([section, name], `Logical id '${name}' must contain only letters and digits (A-Za-z0-9)`));
      } else if (name.length > L.nameLength.value) {
        found.push(
          limitError([section, name], `Logical id '${name.slice(0, 40)}...' is ${name.length} characters; at most ${L.nameLength.value} are allowed`),
        );
      }
    }
  }
  const description = template.Description;
  if (typeof description === "string" && Buffer.byteLength(description, "utf8") > L.descriptionBytes.value) {
    found.push(limitError(["Description"], `The template Description is longer than ${L.descriptionBytes.value} bytes`));
  }
  const dynamicReferences = countDynamicReferences(template.Resources);
  if (dynamicReferences > L.dynamicReferences.value) {
    found.push(
      limitError(
        ["Resources"],
        `The template uses ${dynamicReferences} dynamic references ({{resolve:...}}); CloudFormation allows at most ${L.dynamicReferences.value}`,
      ),
    );
  }
  return found;
}
