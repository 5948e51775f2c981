// How a function's code is supplied (seed 000, "Packaging"): one selector for the type, then that type's own fields.
import type { FieldSpec } from "./spec";

const BUILDPACK = "stacktape-lambda-buildpack";
const S3_ARTIFACT = "s3-artifact";
const CONTAINER_IMAGE = "container-image";

const typeKey = ["packaging", "type"];
const props = (key: string) => ["packaging", "properties", key];
const when = (type: string) => ({ key: typeKey, values: [type] });

/** A new packaging of this type, its required parts left empty for the user (reported until set). */
export function createPackaging(type: string): unknown {
  if (type === S3_ARTIFACT) return { type, properties: { bucketName: "", key: "", handler: "" } };
  if (type === CONTAINER_IMAGE) return { type, properties: { imageUri: "" } };
  return { type: BUILDPACK, properties: { entryfilePath: "" } };
}

const LABELS: Record<string, string> = { [BUILDPACK]: "Build from an entry file", [S3_ARTIFACT]: "Zip in S3", [CONTAINER_IMAGE]: "Container image" };

const selector = (types: readonly string[]): FieldSpec => ({
  key: ["packaging"],
  label: "Packaging",
  kind: "variant",
  options: types,
  optionLabels: LABELS,
  required: true,
  help: "Build from an entry file: the entry file edited in the Code view is bundled on deploy. Zip in S3: a deployment package you uploaded. Container image: an image from Amazon ECR.",
  create: createPackaging,
});

const buildpackFields: readonly FieldSpec[] = [
  { key: props("entryfilePath"), label: "Entry file", kind: "text", required: true, showWhen: when(BUILDPACK), help: "Path of the handler file; its code is edited in the Code view and stored with the revision. The runtime is detected from its extension." },
  { key: props("handlerFunction"), label: "Handler function", kind: "text", showWhen: when(BUILDPACK), help: "Exported handler name; the default export when empty." },
];

const s3ArtifactFields: readonly FieldSpec[] = [
  { key: props("bucketName"), label: "Artifact bucket", kind: "text", required: true, showWhen: when(S3_ARTIFACT), help: "Name of the S3 bucket holding the deployment package (a zip)." },
  { key: props("key"), label: "Artifact key", kind: "text", required: true, showWhen: when(S3_ARTIFACT), help: "Object key of the zip, e.g. builds/orders-1.4.2.zip." },
  { key: props("objectVersion"), label: "Artifact object version", kind: "text", showWhen: when(S3_ARTIFACT), help: "A version of the object in a versioned bucket; the latest when empty." },
  { key: props("handler"), label: "Handler", kind: "text", required: true, showWhen: when(S3_ARTIFACT), help: "Lambda handler string, e.g. index.handler. Set the runtime too: there is no entry file to detect it from." },
];

const containerImageFields: readonly FieldSpec[] = [
  { key: props("imageUri"), label: "Image URI", kind: "text", required: true, showWhen: when(CONTAINER_IMAGE), help: "An Amazon ECR image URI with a tag or digest, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1.4.2." },
  { key: props("command"), label: "Image command (one argument per line)", kind: "lines", showWhen: when(CONTAINER_IMAGE), help: "Overrides the image's CMD." },
  { key: props("entryPoint"), label: "Image entry point (one argument per line)", kind: "lines", showWhen: when(CONTAINER_IMAGE), help: "Overrides the image's ENTRYPOINT." },
  { key: props("workingDirectory"), label: "Image working directory", kind: "text", showWhen: when(CONTAINER_IMAGE), help: "Overrides the image's WORKDIR." },
];

export const PACKAGING_FIELDS: readonly FieldSpec[] = [selector([BUILDPACK, S3_ARTIFACT, CONTAINER_IMAGE]), ...buildpackFields, ...s3ArtifactFields, ...containerImageFields];

/** Lambda@Edge does not run container images. */
export const EDGE_PACKAGING_FIELDS: readonly FieldSpec[] = [selector([BUILDPACK, S3_ARTIFACT]), ...buildpackFields, ...s3ArtifactFields];
