// One template for one revision: the CLI's render, the editor's preview, the REST API's render and
// the deploy's template step give the same bytes for the same definition and handler files.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseStack } from "@/lib/stack";
import { renderRevision } from "@/server/api/render";
import { closeComputePool } from "@/server/compute/pool";
import type { DeploymentArtifacts } from "@/server/deploy/artifacts";
import type { RunContext } from "@/server/deploy/run-context";
import { render as deployTemplate } from "@/server/deploy/steps/template";
import { codeKey, placeholderBucket } from "@/server/package/code-locations";
import { packageStack } from "@/server/package/package-stack";
import { serializeTemplate } from "@/server/render";
import { PREVIEW_REGION, PREVIEW_STAGE, previewStack } from "@/server/stacks/preview";
import { collectCode } from "./deploy/code-files";
import { renderFile } from "./pipeline";

const YAML = `resources:
  api:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/api.ts
  report:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: py/report.py
`;

const work = mkdtempSync(path.join(tmpdir(), "lambdaplane-one-template-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterAll(closeComputePool);

function writeStack(): string {
  mkdirSync(path.join(work, "src", "lib"), { recursive: true });
  mkdirSync(path.join(work, "py"), { recursive: true });
  writeFileSync(path.join(work, "src", "api.ts"), `import { greet } from "./lib/greet";\nexport const handler = async () => greet("you");\n`);
  writeFileSync(path.join(work, "src", "lib", "greet.ts"), `export const greet = (n: string) => "hello " + n;\n`);
  writeFileSync(path.join(work, "py", "report.py"), "def handler(event, context):\n    return 1\n");
  writeFileSync(path.join(work, "shop.yml"), YAML);
  return path.join(work, "shop.yml");
}

describe("one revision, four renders", () => {
  it("gives the same template bytes through the CLI, the preview, the REST render and the deploy", async () => {
    const file = writeStack();
    const options = { stackName: "shop", stage: PREVIEW_STAGE, region: PREVIEW_REGION };
    const definition = parseStack(YAML).definition!;
    // The code a revision uploaded by `deploy --file` carries.
    const code = await collectCode(file, definition);
    expect(Object.keys(code).sort()).toEqual(["py/report.py", "src/api.ts", "src/lib/greet.ts"]);

    const cli = await renderFile(file, { ...options, cacheDir: path.join(work, "cache") });
    const preview = await previewStack(YAML, code, options.stackName);
    const rest = await renderRevision({ yaml: YAML, code }, options);

    // The deploy's prepare step records each package under its content key; the template step
    // renders from that record (here with the placeholder as the account's artifacts bucket).
    const { packages } = await packageStack(definition, code);
    const artifacts: DeploymentArtifacts = {
      bucket: placeholderBucket(options.region),
      functions: Object.fromEntries(packages.map((p) => [p.name, { key: codeKey(p.sha256), sha256: p.sha256, zippedBytes: p.zippedBytes, unzippedBytes: p.unzippedBytes, uploaded: true }])),
    };
    // Only what render() reads of a run: the names and region it renders under, and whose revision it is (for the compute pool).
    const run = {
      renderName: options.stackName,
      region: options.region,
      d: { stage: { name: options.stage, stack: { name: options.stackName, organizationId: "org" } }, revision: { number: 1 } },
    } as unknown as RunContext;
    const deployed = serializeTemplate((await deployTemplate(run, definition, artifacts)).template);

    expect(cli.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(preview.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const bytes = [serializeTemplate(cli.template!), serializeTemplate(preview.template!), serializeTemplate(rest.template!)];
    for (const b of bytes) expect(b).toBe(deployed);
    const fn = JSON.parse(deployed).Resources.ApiFunction.Properties.Code;
    expect(fn).toEqual({ S3Bucket: "lambdaplane-artifacts-us-east-1", S3Key: expect.stringMatching(/^functions\/[0-9a-f]{64}\.zip$/) });

    // A second CLI render takes both packages from the cache: same bytes.
    const again = await renderFile(file, { ...options, cacheDir: path.join(work, "cache") });
    expect(serializeTemplate(again.template!)).toBe(deployed);
  }, 60_000);
});
