import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@/lib/stack";
import { RAW_SECTIONS, sectionsOf } from "./inspector-sections";
import { sectionErrors, sectionSummary } from "./section-summary";

const fn = sectionsOf("function");
const titled = (title: string) => fn.find((s) => s.title === title)!;
const error = (path: (string | number)[]): Diagnostic => ({ severity: "error", code: "schema", message: "bad", path });

const rich = {
  packaging: { type: "stacktape-lambda-buildpack", properties: { entryfilePath: "src/orders.ts" } },
  runtime: "nodejs22.x",
  memory: 1024,
  timeout: 30,
  events: [{ type: "schedule" }, { type: "sqs" }, { type: "sns" }],
  environment: [{ name: "STAGE", value: "prod" }, { name: "TABLE", value: "t" }],
  accessControl: { allowAccessTo: ["store"] },
  joinDefaultVpc: true,
  logging: { retentionDays: 14, disabled: false },
  tags: [{ name: "team", value: "payments" }],
  destinations: { onFailure: "arn:aws:sqs:eu-west-1:1:dlq" },
};

describe("sectionSummary", () => {
  it("says what is set in each section of a function", () => {
    expect(sectionSummary(titled("Code and runtime"), rich)).toBe("Build from an entry file, Entry file: src/orders.ts, nodejs22.x");
    expect(sectionSummary(titled("Memory, time and concurrency"), rich)).toBe("1024 MB, 30 s");
    expect(sectionSummary(titled("Triggers"), rich)).toBe("3");
    expect(sectionSummary(titled("Environment"), rich)).toBe("2 variables");
    expect(sectionSummary(titled("Access and network"), rich)).toBe("Join the default VPC, access to 1 resource");
    expect(sectionSummary(titled("Logging"), rich)).toBe("logs kept 14 days, Logging disabled: no");
    expect(sectionSummary(titled("Tags"), rich)).toBe("1 tag");
    expect(sectionSummary(titled("Destinations"), rich)).toBe("On failure");
  });

  it("says nothing for a section with nothing set, emptied values included", () => {
    const bare = { packaging: rich.packaging, events: [], environment: [], tags: [], destinations: {}, timeout: undefined };
    for (const title of ["Memory, time and concurrency", "Triggers", "Environment", "Access and network", "Logging", "Versions and traffic shifting", "Tags", "Destinations"]) {
      expect(sectionSummary(titled(title), bare)).toBe("");
    }
    expect(sectionSummary(titled("Overrides"), { type: "function", properties: bare })).toBe("");
    expect(sectionSummary(titled("Overrides"), { type: "function", properties: bare, overrides: { OrdersLambda: {} } })).toBe("Overrides");
  });

  it("leaves out the fields of another packaging type, and clips long values", () => {
    const artifact = { packaging: { type: "s3-artifact", properties: { bucketName: "ci-builds-of-the-whole-company", key: "k", handler: "index.handler" } } };
    expect(sectionSummary(titled("Code and runtime"), artifact)).toBe("Zip in S3, Artifact bucket: ci-builds-of-the-whole-…, Artifact key: k, Handler: index.handler");
  });

  it("summarises other resources and raw CloudFormation ones", () => {
    expect(sectionSummary(sectionsOf("bucket")[0], { versioning: true, cdn: { enabled: false } })).toBe("Versioning, CDN: no");
    expect(sectionSummary(sectionsOf("http-api-gateway")[0], { cors: { enabled: true, allowedOrigins: ["https://a.example", "https://b.example"] } })).toBe(
      "CORS, Allowed origins: https://a.example, http…",
    );
    expect(sectionSummary(RAW_SECTIONS[1], { Type: "AWS::SNS::Topic", DependsOn: ["Queue"], DeletionPolicy: "Retain" })).toBe("Depends on: Queue, Retain");
  });
});

describe("sectionErrors", () => {
  const base = ["resources", "orders", "properties"];
  const diagnostics = [
    error([...base, "memory"]),
    error([...base, "events", 1, "properties", "queueArn"]),
    error([...base, "events", 2]),
    error([...base, "packaging", "properties", "entryfilePath"]),
    error(["resources", "orders", "overrides"]),
    error(["resources", "other", "properties", "memory"]),
    error([...base]),
    { ...error([...base, "timeout"]), severity: "warning" } as Diagnostic,
  ];

  it("counts the errors at or below what each section edits, not warnings nor other resources'", () => {
    expect(sectionErrors(titled("Memory, time and concurrency"), base, diagnostics)).toBe(1);
    expect(sectionErrors(titled("Triggers"), base, diagnostics)).toBe(2);
    expect(sectionErrors(titled("Code and runtime"), base, diagnostics)).toBe(1);
    expect(sectionErrors(titled("Overrides"), base.slice(0, 2), diagnostics)).toBe(1);
    expect(sectionErrors(titled("Environment"), base, diagnostics)).toBe(0);
  });
});
