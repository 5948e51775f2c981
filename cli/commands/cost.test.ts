// Runs the cost command in-process with captured output, against files written to a temp directory.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCostCommand } from "./cost";

const work = mkdtempSync(path.join(tmpdir(), "lambdaplane-cost-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const full = path.join(work, name);
  writeFileSync(full, text);
  return full;
}

async function cost(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCostCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const STACK = file(
  "stack.yml",
  [
    "resources:",
    "  api:",
    "    type: http-api-gateway",
    "  hello:",
    "    type: function",
    "    properties:",
    "      memory: 1024",
    "      packaging:",
    "        type: stacktape-lambda-buildpack",
    "        properties:",
    "          entryfilePath: src/hello.ts",
    "      events:",
    "        - type: http-api-gateway",
    "          properties:",
    "            httpApiGatewayName: api",
    "            path: /hello",
    "            method: GET",
    "",
  ].join("\n"),
);
const STACK_TRACE = /^\s+at /m;

describe("cost command", () => {
  it("prints a table of resources with their service and monthly cost, and the total", async () => {
    const { code, stdout, stderr } = await cost(STACK);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Estimated monthly cost in us-east-1 \(USD\)$/m);
    expect(stdout).toMatch(/^hello \*\s+Lambda\s+\$\d+\.\d\d$/m);
    expect(stdout).toMatch(/^api\s+API Gateway\s+\$1\.00$/m);
    expect(stdout).toMatch(/^Total\s+\$\d+\.\d\d$/m);
  });

  // AWS News Blog 1 ms billing example: 60M invocations of 28 ms at 1 GB = $12 + $28 of Lambda.
  it("uses --usage and --region", async () => {
    const usage = file("usage.yml", "hello:\n  averageDurationMs: 28\n  logBytesPerInvocation: 0\n  events:\n    - eventsPerMonth: 60000000\n      payloadKb: 1\n");
    const { code, stdout } = await cost(STACK, "--usage", usage, "--region", "us-west-2");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Estimated monthly cost in us-west-2 \(USD\)$/m);
    expect(stdout).toMatch(/^hello\s+Lambda\s+\$40\.00$/m);
    expect(stdout).toMatch(/^api\s+API Gateway\s+\$60\.00$/m);
    expect(stdout).not.toContain("* uses assumed usage");
  });

  it("applies the free tier with --free-tier", async () => {
    const { code, stdout } = await cost(STACK, "--free-tier");
    expect(code).toBe(0);
    expect(stdout).toContain("(USD, free tier applied)");
    expect(stdout).toMatch(/^Free tier\s+Lambda\s+-\$\d+\.\d\d$/m);
  });

  it("reports an invalid stack with file, line and path on stderr, prints nothing on stdout, exits 1", async () => {
    const bad = file("bad.yml", "resources:\n  fn:\n    type: function\n    properties:\n      memmory: 512\n      packaging:\n        type: stacktape-lambda-buildpack\n        properties:\n          entryfilePath: a.ts\n");
    const { code, stdout, stderr } = await cost(bad);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/bad\.yml:5:7: error: resources\.fn\.properties\.memmory: /);
    expect(stderr).toMatch(/bad\.yml: not estimated \(1 error\)/);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it("reports a bad usage file with its line and exits 1", async () => {
    const usage = file("bad-usage.yml", "hello:\n  averageDurationMs: fast\n");
    const { code, stdout, stderr } = await cost(STACK, "--usage", usage);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/bad-usage\.yml:2:22: error: hello\.averageDurationMs: /);
    expect(stderr).not.toMatch(STACK_TRACE);
  });

  it("refuses a usage figure above its limit, naming the field and the limit", async () => {
    const usage = file("huge-usage.yml", "hello:\n  invocationsPerMonth: 1e30\n");
    const { code, stdout, stderr } = await cost(STACK, "--usage", usage);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("huge-usage.yml:2:24: error: hello.invocationsPerMonth: must be at most 1000000000000 (got number 1e+30)");
  });

  it("refuses a region without price data, naming the ones it has", async () => {
    const { code, stderr } = await cost(STACK, "--region", "sa-east-1");
    expect(code).toBe(1);
    expect(stderr).toContain("error: --region 'sa-east-1' has no price data; use one of us-east-1, us-west-2, eu-west-1, eu-central-1, ap-southeast-1");
  });

  it("says so when a file cannot be read", async () => {
    const { code, stderr } = await cost(path.join(work, "missing.yml"));
    expect(code).toBe(1);
    expect(stderr).toMatch(/missing\.yml: error: \(root\): cannot read the file: no such file/);
  });

  it("explains its arguments when the file is missing, and with --help", async () => {
    const missing = await cost();
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cost needs a stack definition file\n\nUsage:/);
    const help = await cost("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage:\n {2}lambdaplane cost <file\.yml>/);
  });
});
