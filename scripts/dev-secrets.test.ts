import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { devSecrets } from "./dev-secrets";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "lp-secrets-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("devSecrets", () => {
  it("generates the secrets once and returns the same ones on the next start", async () => {
    const file = path.join(dir, ".data", "dev-secrets.json");
    const first = await devSecrets(file, {});
    expect(Buffer.from(first.LAMBDAPLANE_ENCRYPTION_KEY, "hex")).toHaveLength(32);
    expect(first.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(await devSecrets(file, {})).toEqual(first);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("prefers values from the environment without storing them", async () => {
    const file = path.join(dir, "dev-secrets.json");
    const secrets = await devSecrets(file, { NEXTAUTH_SECRET: "from-env" });
    expect(secrets.NEXTAUTH_SECRET).toBe("from-env");
    expect(await readFile(file, "utf8")).not.toContain("from-env");
  });
});
