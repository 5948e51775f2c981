// Where a function's code comes from and how Lambda starts it, per packaging type.
import type { Diagnostic } from "@/lib/stack/diagnostics";
import { detectRuntime } from "@/lib/stack/runtime";
import type { BuildpackPackaging, LambdaRuntime, Packaging } from "@/lib/stack/schema";
import type { CfValue } from "../cfn";
import type { RenderContext } from "../context";
import type { DefinitionPath } from "../fragment";

/**
 * The handler string for code built from an entry file. Packaging puts the bundle at the zip's
 * root: Node.js code is bundled into `index.js`/`index.mjs` (handler `index.<export>`, the default
 * export unless handlerFunction says otherwise); Python and Ruby keep the entry file's module name;
 * custom runtimes (Go) start the `bootstrap` executable; Java and .NET need the full handler.
 */
export function buildpackHandler(
  packaging: BuildpackPackaging,
  runtime: string,
): { handler: string } | { problem: string } {
  const { entryfilePath, handlerFunction } = packaging.properties;
  const stem = entryfilePath.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  if (runtime.startsWith("nodejs")) return { handler: `index.${handlerFunction ?? "default"}` };
  if (runtime.startsWith("python") || runtime.startsWith("ruby")) return { handler: `${stem}.${handlerFunction ?? "handler"}` };
  if (runtime.startsWith("provided")) return { handler: "bootstrap" };
  if (handlerFunction !== undefined) return { handler: handlerFunction };
  return { problem: `runtime ${runtime} needs handlerFunction set to the full handler (e.g. com.example.Handler::handleRequest)` };
}

/** Code, PackageType, Runtime, Handler and ImageConfig properties of an AWS::Lambda::Function. */
export function functionCodeProperties(
  ctx: RenderContext,
  name: string,
  packaging: Packaging,
  runtimeOverride: LambdaRuntime | undefined,
  path: DefinitionPath,
  diagnostics: Diagnostic[],
): Record<string, CfValue> {
  const error = (at: DefinitionPath, message: string) =>
    diagnostics.push({ severity: "error", code: "render", message, path: at });
  const packagingPath = [...path, "properties", "packaging"];

  switch (packaging.type) {
    case "container-image": {
      if (runtimeOverride !== undefined) {
        error([...path, "properties", "runtime"], "container images bring their own runtime: remove runtime");
      }
      const { imageUri, command, entryPoint, workingDirectory } = packaging.properties;
      const imageConfig: Record<string, CfValue> = {};
      if (command !== undefined) imageConfig.Command = command;
      if (entryPoint !== undefined) imageConfig.EntryPoint = entryPoint;
      if (workingDirectory !== undefined) imageConfig.WorkingDirectory = workingDirectory;
      return {
        PackageType: "Image",
        Code: { ImageUri: imageUri },
        ...(Object.keys(imageConfig).length > 0 ? { ImageConfig: imageConfig } : {}),
      };
    }
    case "s3-artifact": {
      const { bucketName, key, objectVersion, handler } = packaging.properties;
      if (runtimeOverride === undefined) {
        error([...path, "properties", "runtime"], "a prebuilt s3-artifact has no entry file to detect the runtime from: set runtime");
      }
      return {
        Code: { S3Bucket: bucketName, S3Key: key, ...(objectVersion !== undefined ? { S3ObjectVersion: objectVersion } : {}) },
        ...(runtimeOverride !== undefined ? { Runtime: runtimeOverride } : {}),
        Handler: handler,
      };
    }
    case "stacktape-lambda-buildpack": {
      const properties: Record<string, CfValue> = {};
      const artifact = Object.hasOwn(ctx.options.artifacts, name) ? ctx.options.artifacts[name] : undefined;
      if (artifact) {
        properties.Code = { S3Bucket: artifact.bucket, S3Key: artifact.key };
      } else {
        error(packagingPath, `no built code artifact was provided for '${name}'`);
      }
      const runtime = runtimeOverride ?? detectRuntime(packaging.properties.entryfilePath);
      if (runtime === undefined) {
        error(
          [...packagingPath, "properties", "entryfilePath"],
          `cannot tell the language of '${packaging.properties.entryfilePath}' from its extension: set runtime`,
        );
        return properties;
      }
      properties.Runtime = runtime;
      const handler = buildpackHandler(packaging, runtime);
      if ("problem" in handler) error([...packagingPath, "properties", "handlerFunction"], handler.problem);
      else properties.Handler = handler.handler;
      return properties;
    }
  }
}
