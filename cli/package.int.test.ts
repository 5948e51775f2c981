// The `lambdaplane` command as people get it: built by the package's build step, packed with
// `npm pack`, installed into an empty folder with the network out of reach (npm --offline and a
// registry address nothing listens on), then run with npx there and in the repository. Its
// templates are the ones the CLI renders from source.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeTemplate } from "@/server/render";
import { renderFile } from "./pipeline";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "server", "render", "fixtures");
const work = mkdtempSync(path.join(tmpdir(), "lambdaplane-package-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const offline = {
  ...process.env,
  npm_config_offline: "true",
  // Nothing listens on port 9 (discard): any request to the registry fails at once.
  npm_config_registry: "http://127.0.0.1:9/",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  LAMBDAPLANE_CACHE_DIR: path.join(work, "package-cache"),
};

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: offline, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder holding one fixture stack and its handler, as a user's project would. */
function project(dir: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(FIXTURES, "seed000-sqs.yml"), path.join(dir, "stack.yml"));
  cpSync(path.join(FIXTURES, "path"), path.join(dir, "path"), { recursive: true });
  return path.join(dir, "stack.yml");
}

let tarball: string;
beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT });
  const packed = path.join(work, "packed");
  mkdirSync(packed);
  execFileSync("npm", ["pack", path.join(ROOT, "dist", "cli"), "--pack-destination", packed], { env: offline });
  tarball = path.join(packed, readdirSync(packed).find((f) => f.endsWith(".tgz"))!);
}, 120_000);

describe("the lambdaplane package", () => {
  it("installs from its tarball into an empty folder without the network, and renders there as from source", async () => {
    const installed = path.join(work, "installed");
    mkdirSync(installed);
    writeFileSync(path.join(installed, "package.json"), "{}\n");
    const install = run("npm", ["install", "--offline", "--loglevel=error", tarball], installed);
    expect(install.stderr).toBe("");
    expect(install.code).toBe(0);

    const stack = project(path.join(installed, "app"));
    const rendered = run("npx", ["--offline", "lambdaplane", "render", stack], installed);
    expect(rendered.stderr).toBe("");
    expect(rendered.code).toBe(0);
    const fromSource = await renderFile(stack, { stackName: "stack", stage: "dev", region: "us-east-1", cacheDir: path.join(work, "source-cache") });
    expect(rendered.stdout).toBe(serializeTemplate(fromSource.template!));

    const refused = run("npx", ["--offline", "lambdaplane", "validate", path.join(installed, "missing.yml")], installed);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/missing\.yml: .*no such file/);
  }, 180_000);

  it("runs as npx lambdaplane in the repository", () => {
    const stack = project(path.join(work, "in-repo"));
    const rendered = run("npx", ["--offline", "lambdaplane", "render", stack], ROOT);
    expect(rendered.code).toBe(0);
    expect(JSON.parse(rendered.stdout).Resources.MyLambdaFunction.Properties.Code.S3Key).toMatch(/^functions\/[0-9a-f]{64}\.zip$/);
  }, 120_000);
});
