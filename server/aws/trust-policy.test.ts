import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePrincipal, roleTemplate, trustPolicy } from "./trust-policy";

describe("parsePrincipal", () => {
  it("accepts role ARNs and account ids, and turns a session ARN into its role", () => {
    expect(parsePrincipal("arn:aws:iam::111122223333:role/lambdaplane")).toEqual({ ok: true, arn: "arn:aws:iam::111122223333:role/lambdaplane" });
    expect(parsePrincipal("111122223333")).toEqual({ ok: true, arn: "arn:aws:iam::111122223333:root" });
    expect(parsePrincipal("arn:aws:sts::111122223333:assumed-role/lp-server/i-0abc")).toEqual({
      ok: true,
      arn: "arn:aws:iam::111122223333:role/lp-server",
    });
  });

  it("explains a missing or malformed value", () => {
    expect(parsePrincipal(undefined)).toMatchObject({ ok: false, message: expect.stringContaining("LAMBDAPLANE_AWS_PRINCIPAL_ARN is not set") });
    expect(parsePrincipal("lambdaplane")).toMatchObject({ ok: false, message: expect.stringContaining('it is "lambdaplane"') });
  });
});

describe("trustPolicy", () => {
  it("lets only the principal assume the role, and only with the external id", () => {
    const policy = trustPolicy({ principalArn: "arn:aws:iam::111122223333:role/lp", externalId: "lambdaplane-abc" });
    expect(policy.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::111122223333:role/lp" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "lambdaplane-abc" } },
      },
    ]);
  });
});

describe("roleTemplate", () => {
  const template = roleTemplate({ principalArn: "arn:aws:iam::111122223333:role/lp", externalId: "lambdaplane-abc", connectionName: "prod" });

  it("creates the role with the same trust policy and outputs its ARN", () => {
    expect(template.Resources.DeployRole.Properties.AssumeRolePolicyDocument).toEqual(
      trustPolicy({ principalArn: "arn:aws:iam::111122223333:role/lp", externalId: "lambdaplane-abc" }),
    );
    expect(template.Outputs.RoleArn.Value).toEqual({ "Fn::GetAtt": ["DeployRole", "Arn"] });
  });

  it("passes cfn-lint (needs the Python cfn-lint CLI, installed on every project machine and in CI)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lp-role-"));
    const file = path.join(dir, "role.json");
    writeFileSync(file, JSON.stringify(template, null, 2));
    let output = "";
    try {
      output = execFileSync("cfn-lint", [file], { encoding: "utf8" });
    } catch (e) {
      const err = e as { code?: string; stdout?: string };
      if (err.code === "ENOENT") throw new Error("cfn-lint is not installed: pip install cfn-lint (the project's machines and CI have it)");
      output = err.stdout ?? String(e);
    }
    expect(output).toBe("");
  }, 30_000);
});
