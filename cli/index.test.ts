// Spawns the CLI as users run it and checks exit codes, streams and messages.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { definitionYaml } from "@/bench/stacks";
import { parseStack } from "@/lib/stack";
import { packageStack } from "@/server/package/package-stack";

const ROOT = path.resolve(import.meta.dirname, "..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const FIXTURES = path.join(ROOT, "server", "render", "fixtures");
const work = mkdtempSync(path.join(tmpdir(), "lambdaplane-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[]) {
  const result = spawnSync(TSX, [path.join(ROOT, "cli", "index.ts"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, LAMBDAPLANE_CACHE_DIR: path.join(work, "package-cache") },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_TRACE = /^\s+at /m;
// Each case spawns Node with tsx; on a busy 2-core machine one spawn takes seconds.
const SLOW = 60_000;

describe("cli render", () => {
  it("prints only the template JSON on stdout and exits 0", () => {
    const { code, stdout, stderr } = cli(["render", path.join(FIXTURES, "seed000-sqs.yml")]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const template = JSON.parse(stdout);
    expect(template.AWSTemplateFormatVersion).toBe("2010-09-09");
    expect(template.Resources.MyLambdaEvent0EventSourceMapping.Type).toBe("AWS::Lambda::EventSourceMapping");
  }, SLOW);

  it("uses --stage and --region, and the deploy's key for the entry file resolved next to the YAML", async () => {
    const { code, stdout } = cli(["render", path.join(FIXTURES, "seed000-sqs.yml"), "--stage", "prod", "--region", "eu-west-1"]);
    expect(code).toBe(0);
    const fn = JSON.parse(stdout).Resources.MyLambdaFunction.Properties;
    expect(fn.FunctionName).toBe("seed000-sqs-prod-myLambda");
    const handler = readFileSync(path.join(FIXTURES, "path", "to", "my-lambda.ts"), "utf8");
    const { packages } = await packageStack(parseStack(readFileSync(path.join(FIXTURES, "seed000-sqs.yml"), "utf8")).definition!, { "path/to/my-lambda.ts": handler });
    expect(fn.Code).toEqual({ S3Bucket: "lambdaplane-artifacts-eu-west-1", S3Key: `functions/${packages[0].sha256}.zip` });
  }, SLOW);

  it("changes the template when the function's code changes", () => {
    const dir = path.join(work, "code-change");
    cpSync(path.join(FIXTURES, "seed000-basic-function.yml"), path.join(dir, "stack.yml"));
    cpSync(path.join(FIXTURES, "path"), path.join(dir, "path"), { recursive: true });
    const keyOf = () => JSON.parse(cli(["render", path.join(dir, "stack.yml")]).stdout).Resources.MyLambdaFunction.Properties.Code.S3Key;
    const before = keyOf();
    writeFileSync(path.join(dir, "path", "to", "my-lambda.ts"), "export default async () => 'changed';\n");
    expect(keyOf()).not.toBe(before);
  }, SLOW);

  it("reports an unknown key with file, line and path on stderr, prints nothing on stdout, exits 1", () => {
    const file = path.join(work, "typo.yml");
    writeFileSync(
      file,
      "resources:\n  fn:\n    type: function\n    properties:\n      memmory: 512\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: a.ts\n",
    );
    const { code, stdout, stderr } = cli(["render", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/typo\.yml:5:\d+: error: resources\.fn\.properties\.memmory: /);
    expect(stderr).not.toMatch(STACK_TRACE);
  }, SLOW);

  it("reports a missing entry file at its line", () => {
    const file = path.join(work, "missing-entry.yml");
    writeFileSync(
      file,
      "resources:\n  fn:\n    type: function\n    properties:\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: nowhere.ts\n",
    );
    const { code, stdout, stderr } = cli(["render", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/missing-entry\.yml:8:\d+: error: .*entryfilePath: entry file .*nowhere\.ts does not exist/);
  }, SLOW);

  it("reports malformed YAML, a missing file and bad usage without stack traces", () => {
    const broken = path.join(work, "broken.yml");
    writeFileSync(broken, "resources:\n  fn: [unclosed\n");
    for (const args of [["render", broken], ["render", path.join(work, "absent.yml")], ["deploy", broken], ["render"], ["render", broken, "--region", "mars"]]) {
      const { code, stdout, stderr } = cli(args);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr.trim()).not.toBe("");
      expect(stderr).not.toMatch(STACK_TRACE);
    }
    expect(cli(["render", path.join(work, "absent.yml")]).stderr).toMatch(/absent\.yml: error: \(root\): cannot read the file: no such file/);
    expect(cli(["publish", broken]).stderr).toMatch(/unknown command 'publish'/);
  }, SLOW);

  it("refuses the stage, region and stack names the server refuses, with the server's words", () => {
    const file = path.join(FIXTURES, "seed000-sqs.yml");
    const stage = cli(["render", file, "--stage", "Prod"]);
    expect(stage.code).toBe(1);
    expect(stage.stderr).toContain("--stage 'Prod': Name must start with a lower-case letter and use only lower-case letters, digits and hyphens.");
    expect(cli(["render", file, "--stack-name", "import"]).stderr).toContain(`--stack-name 'import': "import" is reserved; choose another name.`);
    expect(cli(["deploy", "--server", "http://127.0.0.1:1", "--token", "t", "--stack", "shop", "--stage", "Prod"]).stderr).toContain("--stage 'Prod': Name must start with a lower-case letter");
  }, SLOW);
});

describe("cli validate", () => {
  it("refuses the 60,000-key file (issue 14) with the limit it crossed and exits 1", () => {
    const file = path.join(work, "keys-60k.yml");
    writeFileSync(file, `resources:\n${Array.from({ length: 60_000 }, (_, i) => `  r${i + 1}: 1\n`).join("")}`);
    const { code, stdout, stderr } = cli(["validate", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/keys-60k\.yml:1002:3: error: \(root\): more than 1,000 resources \(resources and cloudformationResources together\); the limit is 1,000 \(crossed at line 1002, column 3\)\n/);
    expect(stderr.trim().split("\n")).toHaveLength(2);
  }, SLOW);

  it("lists at most 100 problems and counts the rest", () => {
    const file = path.join(work, "keys-250.yml");
    writeFileSync(file, `resources:\n${Array.from({ length: 250 }, (_, i) => `  r${i + 1}: 1\n`).join("")}`);
    const { code, stderr } = cli(["validate", file]);
    expect(code).toBe(1);
    const lines = stderr.trim().split("\n");
    expect(lines).toHaveLength(102);
    expect(lines[100]).toMatch(/: error: \(root\): and 150 more problems \(only the first 100 are listed\)$/);
    expect(lines[101]).toMatch(/keys-250\.yml: 100 errors, 0 warnings, and 150 more problems \(only the first 100 are listed\)$/);
  }, SLOW);

  it("exits 0 for a valid definition", () => {
    const { code, stdout } = cli(["validate", path.join(FIXTURES, "seed000-http-api-cognito.yml")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/seed000-http-api-cognito\.yml: valid \(0 errors, 0 warnings\)/);
  }, SLOW);

  it("prints every problem with its location and exits 1", () => {
    const { code, stdout, stderr } = cli(["validate", path.join(FIXTURES, "invalid", "seed000-cloudwatch-log-verbatim.yml")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/seed000-cloudwatch-log-verbatim\.yml:\d+:\d+: error: resources\.myLogConsumingLambda\.properties\.events\.0\.properties\.logGroupArn: /);
    expect(stderr).toMatch(/\d+ errors?, \d+ warnings?/);
    expect(stderr).not.toMatch(STACK_TRACE);
  }, SLOW);
});

describe("cli render and validate refuse the same stacks", () => {
  it("refuses a cycle between cloudformationResources through $CfResourceParam in both, at its line", () => {
    const dir = mkdtempSync(path.join(work, "cycle-"));
    cpSync(path.join(FIXTURES, "path"), path.join(dir, "path"), { recursive: true });
    const file = path.join(dir, "cycle.yml");
    writeFileSync(
      file,
      `${readFileSync(path.join(FIXTURES, "seed000-basic-function.yml"), "utf8")}cloudformationResources:
  A:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: $CfResourceParam('B', 'TopicName')
  B:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: $CfResourceParam('A', 'TopicName')
`,
    );
    const line = readFileSync(file, "utf8").split("\n").indexOf("  A:") + 1;
    for (const command of ["render", "validate"]) {
      const { code, stdout, stderr } = cli([command, file]);
      expect({ command, code, stdout }).toEqual({ command, code: 1, stdout: "" });
      expect(stderr).toContain(`cycle.yml:${line}:3: error: cloudformationResources.A: Circular dependency between resources: A -> B -> A\n`);
    }
  }, SLOW);
});

describe("cli cost", () => {
  it("dispatches to the cost command", () => {
    const { code, stdout } = cli(["cost", path.join(FIXTURES, "seed000-sqs.yml")]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Total\s+\$\d+\.\d{2}$/m);
  }, SLOW);
});

describe("cli render of a stack past CloudFormation's limits", () => {
  it("splits it into nested stacks written to --out-dir, and needs that option", () => {
    const dir = mkdtempSync(path.join(work, "big-"));
    writeFileSync(path.join(dir, "big.yml"), definitionYaml(120));
    mkdirSync(path.join(dir, "src"));
    writeFileSync(path.join(dir, "src", "handler.ts"), "export default async () => ({ statusCode: 200 });\n");

    const refused = cli(["render", path.join(dir, "big.yml")]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/split into \d+ nested stacks: pass --out-dir/);

    const out = path.join(dir, "out");
    const { code, stdout, stderr } = cli(["render", path.join(dir, "big.yml"), "--out-dir", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const parent = JSON.parse(stdout);
    const nested = Object.values<{ Type: string; Properties: { TemplateURL: string } }>(parent.Resources).filter((r) => r.Type === "AWS::CloudFormation::Stack");
    expect(nested.length).toBeGreaterThan(1);
    expect(Object.keys(parent.Resources).length).toBeLessThanOrEqual(500);
    for (const stack of nested) {
      const key = new URL(stack.Properties.TemplateURL).pathname.slice(1);
      expect(key).toMatch(/^templates\/big-dev\/nested\//);
      const child = JSON.parse(readFileSync(path.join(out, key), "utf8"));
      expect(Object.keys(child.Resources).length).toBeLessThanOrEqual(500);
    }
  }, SLOW);
});
