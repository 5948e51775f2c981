// How a function's code is supplied: built by us from an entry file, a prebuilt zip in S3, or a container image.
import { z } from "zod";

export const BuildpackPackagingSchema = z.strictObject({
  type: z.literal("stacktape-lambda-buildpack"),
  properties: z.strictObject({
    /** Relative to the stack definition file. The runtime is detected from its extension unless `runtime` is set. */
    entryfilePath: z.string().min(1),
    /** Exported handler name; the default export when omitted. */
    handlerFunction: z.string().min(1).optional(),
  }),
});
export type BuildpackPackaging = z.infer<typeof BuildpackPackagingSchema>;

export const S3ArtifactPackagingSchema = z.strictObject({
  type: z.literal("s3-artifact"),
  properties: z.strictObject({
    bucketName: z.string().min(1),
    key: z.string().min(1),
    objectVersion: z.string().min(1).optional(),
    /** Lambda handler string, e.g. `index.handler`. */
    handler: z.string().min(1),
  }),
});
export type S3ArtifactPackaging = z.infer<typeof S3ArtifactPackagingSchema>;

export const ContainerImagePackagingSchema = z.strictObject({
  type: z.literal("container-image"),
  properties: z.strictObject({
    /** An Amazon ECR image URI (tag or digest). */
    imageUri: z.string().min(1),
    command: z.array(z.string()).optional(),
    entryPoint: z.array(z.string()).optional(),
    workingDirectory: z.string().optional(),
  }),
});
export type ContainerImagePackaging = z.infer<typeof ContainerImagePackagingSchema>;

export const PackagingSchema = z.discriminatedUnion("type", [
  BuildpackPackagingSchema,
  S3ArtifactPackagingSchema,
  ContainerImagePackagingSchema,
]);
export type Packaging = z.infer<typeof PackagingSchema>;

/** Lambda@Edge does not run container images. */
export const EdgePackagingSchema = z.discriminatedUnion("type", [BuildpackPackagingSchema, S3ArtifactPackagingSchema]);
export type EdgePackaging = z.infer<typeof EdgePackagingSchema>;
