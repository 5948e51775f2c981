import { describe, expect, it } from "vitest";
import { createZip } from "@/server/package/zip";
import { formatImportProblem, prepareImport } from "./prepare-import";

const yaml = (entry: string) => `resources:
  worker:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: ${entry}
`;
const zipOf = (files: Record<string, string>) => ({
  name: "code.zip",
  bytes: new Uint8Array(createZip(Object.entries(files).map(([path, s]) => ({ path, data: Buffer.from(s) })))),
});

describe("prepareImport", () => {
  it("keys code by path relative to the definition, matching entry paths written with ./", () => {
    const r = prepareImport({ yaml: yaml("./src/worker.ts"), yamlName: "stack.yml", zip: zipOf({ "src/worker.ts": "export {}" }) });
    expect(r.problems).toEqual([]);
    expect(r.code).toEqual({ "src/worker.ts": "export {}" });
    expect(r.definition).toBeDefined();
  });

  it("drops the folder a zipped project folder adds", () => {
    const r = prepareImport({ yaml: yaml("src/worker.ts"), yamlName: "stack.yml", zip: zipOf({ "my-app/src/worker.ts": "1", "my-app/src/lib.ts": "2" }) });
    expect(r.code).toEqual({ "src/worker.ts": "1", "src/lib.ts": "2" });
  });

  it("refuses an entry file outside the definition's folder, at its line", () => {
    const r = prepareImport({ yaml: yaml("../shared/worker.ts"), yamlName: "stack.yml" });
    expect(r.definition).toBeUndefined();
    expect(r.problems.map(formatImportProblem)).toEqual([
      "stack.yml:8:26: error: resources.worker.properties.packaging.properties.entryfilePath: entryfilePath '../shared/worker.ts' of worker is outside the definition's folder; handler files are stored relative to it",
    ]);
  });

  it("warns about a missing handler when no zip was uploaded, and keeps the definition", () => {
    const r = prepareImport({ yaml: yaml("src/worker.ts"), yamlName: "w.yml" });
    expect(r.definition).toBeDefined();
    expect(r.problems.map(formatImportProblem)).toEqual([
      "w.yml:8:26: warning: resources.worker.properties.packaging.properties.entryfilePath: handler src/worker.ts of worker is missing (no zip was uploaded); add it before deploying",
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    const r = prepareImport({ yaml: "resources:\n  a: [\n", yamlName: "bad.yml" });
    expect(r.definition).toBeUndefined();
    expect(r.problems[0]).toMatchObject({ severity: "error", file: "bad.yml", line: expect.any(Number) });
  });
});
