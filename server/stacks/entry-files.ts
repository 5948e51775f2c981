import type { StackDefinition } from "@/lib/stack";

export interface EntryFile {
  resource: string;
  /** As written in the definition. */
  entryfilePath: string;
  path: (string | number)[];
}

/** The handler file of every function Lambdaplane builds from source (buildpack packaging). */
export function entryFiles(definition: StackDefinition): EntryFile[] {
  const files: EntryFile[] = [];
  for (const [name, resource] of Object.entries(definition.resources)) {
    if (resource.type !== "function" && resource.type !== "edge-lambda-function") continue;
    const packaging = resource.properties.packaging;
    if (packaging.type !== "stacktape-lambda-buildpack") continue;
    files.push({
      resource: name,
      entryfilePath: packaging.properties.entryfilePath,
      path: ["resources", name, "properties", "packaging", "properties", "entryfilePath"],
    });
  }
  return files;
}
