import { describe, expect, it } from "vitest";
import { logicalIds, pascal, physicalName, physicalNames } from "./naming";

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
});
