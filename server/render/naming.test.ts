import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CfValue } from "./cfn";
import { logicalIds, NAME_LIMITS, pascal, physicalName, physicalNames } from "./naming";
import { renderYaml } from "./test-support";

describe("naming", () => {
  it("builds alphanumeric logical ids from resource names", () => {
    expect(pascal("myLambda")).toBe("MyLambda");
    expect(pascal("my-lambda_2")).toBe("MyLambda2");
    expect(logicalIds.function("myLambda")).toBe("MyLambdaFunction");
    expect(logicalIds.event("myLambda", 3, "Rule")).toBe("MyLambdaEvent3Rule");
    expect(logicalIds.version("fn", "abc")).toBe("FnVersionabc");
  });

  it("keeps physical names within AWS limits, distinct names staying distinct", () => {
    expect(physicalNames.function("app", "dev", "api")).toBe("app-dev-api");
    const long = "x".repeat(80);
    const a = physicalNames.function("app", "dev", `${long}a`);
    const b = physicalNames.function("app", "dev", `${long}b`);
    expect(a.length).toBe(64);
    expect(b.length).toBe(64);
    expect(a).not.toBe(b);
    expect(physicalNames.targetGroup("my-application", "production", "someFunctionName", 12)).toMatch(/^[A-Za-z0-9-]{1,32}$/);
    expect(physicalNames.bucketPrefix("App", "Dev", "Files")).toBe("app-dev-files");
    expect(physicalName(["a", "b"], 10, { lowercase: true })).toBe("a-b");
  });

  it("names a role's policy after the role, within IAM's 128 characters", () => {
    expect(physicalNames.rolePolicy("ApiRole")).toBe("ApiRolePolicy");
    const a = physicalNames.rolePolicy(`${"A".repeat(124)}aRole`);
    const b = physicalNames.rolePolicy(`${"A".repeat(124)}bRole`);
    expect([a.length, b.length]).toEqual([128, 128]);
    expect(a).not.toBe(b);
  });
});

// Worst cases of what CloudFormation substitutes into a name at deploy time.
const SUBSTITUTIONS: Record<string, string> = { "AWS::AccountId": "123456789012", "AWS::Region": "ap-southeast-5" };
const longest = (value: CfValue): string | undefined => {
  if (typeof value === "string") return value;
  const sub = value && typeof value === "object" && !Array.isArray(value) ? value["Fn::Sub"] : undefined;
  return typeof sub === "string" ? sub.replace(/\$\{([^}]+)\}/g, (_, name: string) => SUBSTITUTIONS[name] ?? name) : undefined;
};

describe("every derived name of a stack of 128-character resource names", () => {
  // The fixture names every resource type with the longest name the schema allows.
  const yaml = readFileSync(path.join(import.meta.dirname, "fixtures", "beyond-seed-long-names.yml"), "utf8");
  const { template, diagnostics } = renderYaml(yaml, { stackName: "a-stack-name-of-sixty-four-characters-which-is-as-long-as-allowed", stage: "production-stage-of-32-character" });

  it("renders", () => expect(diagnostics).toEqual([]));

  it("keeps logical ids within 255 characters", () => {
    const ids = [...Object.keys(template.Resources), ...Object.keys(template.Outputs ?? {})];
    expect(ids.filter((id) => id.length > NAME_LIMITS.logicalId)).toEqual([]);
  });

  it("keeps every name property within its AWS limit", () => {
    const checked: string[] = [];
    const over: string[] = [];
    for (const [id, r] of Object.entries(template.Resources)) {
      const properties = r.Properties ?? {};
      const names: [string, CfValue | undefined][] = Object.keys(properties).map((key) => [`${r.Type}.${key}`, properties[key]]);
      for (const policy of (properties.Policies ?? []) as { PolicyName: CfValue }[]) names.push([`${r.Type}.PolicyName`, policy.PolicyName]);
      if (r.Type === "AWS::CloudFront::OriginAccessControl") {
        names.push([`${r.Type}.Name`, (properties.OriginAccessControlConfig as Record<string, CfValue>).Name]);
      }
      for (const [key, value] of names) {
        if (!Object.hasOwn(NAME_LIMITS, key) || value === undefined) continue;
        const name = longest(value);
        if (name === undefined) continue;
        checked.push(key);
        const limit = NAME_LIMITS[key as keyof typeof NAME_LIMITS];
        if (name.length > limit) over.push(`${id} ${key}: ${name.length} > ${limit}`);
      }
    }
    expect(over).toEqual([]);
    // Every limit in the table is exercised by the fixture (so a new derived name needs a case there).
    expect(new Set(checked)).toEqual(new Set(Object.keys(NAME_LIMITS).filter((k) => k !== "logicalId")));
  });
});
