import { describe, expect, it } from "vitest";
import { formatMonthlyDelta } from "@/lib/cost";
import { diffRevisions, type RevisionSnapshot } from "./revision-diff";
import type { RevisionCode } from "./revision-code";
import { STARTER_HANDLER, STARTER_HANDLER_PATH, STARTER_YAML } from "./starter";

const OPTIONS = { stackName: "orders", region: "us-east-1", stage: "dev" } as const;
const rev = (number: number, yaml = STARTER_YAML, code: RevisionCode = { [STARTER_HANDLER_PATH]: STARTER_HANDLER }): RevisionSnapshot => ({ number, yaml, code });
const changed = (lines: string[]) => lines.filter((l) => l.startsWith("+") || l.startsWith("-"));

describe("diffRevisions", () => {
  it("shows a memory change in the YAML, in the template and as a per-function and total cost increase", async () => {
    const d = await diffRevisions(rev(1), rev(2, STARTER_YAML.replace("memory: 256", "memory: 2048")), OPTIONS);
    expect(d.yaml).toMatchObject({ ok: true, added: 1, removed: 1 });
    if (!d.yaml.ok || !d.template.ok || !d.cost.ok) throw new Error("diff failed");
    expect(changed(d.yaml.hunks.flatMap((h) => h.lines))).toEqual(["-      memory: 256", "+      memory: 2048"]);
    expect(changed(d.template.hunks.flatMap((h) => h.lines))).toEqual(['-        "MemorySize": 256,', '+        "MemorySize": 2048,']);
    expect(d.code).toEqual([]);
    const hello = d.cost.diff.resources.find((r) => r.resource === "hello")!;
    expect(hello).toMatchObject({ change: "changed", service: "Lambda" });
    expect(hello.after / hello.before).toBeGreaterThan(1);
    expect(d.cost.diff.delta).toBeGreaterThan(0);
    expect(formatMonthlyDelta(d.cost.diff.delta)).toMatch(/^\+\$\d+\.\d\d\/month$/);
  });

  it("shows a handler change as a code diff and as the S3 key it changes in the template", async () => {
    const d = await diffRevisions(rev(1), rev(2, STARTER_YAML, { [STARTER_HANDLER_PATH]: STARTER_HANDLER.replace("world", "there"), "src/util.ts": "export {}" }), OPTIONS);
    expect(d.code.map((f) => [f.path, f.change])).toEqual([
      ["src/hello.ts", "changed"],
      ["src/util.ts", "added"],
    ]);
    if (!d.template.ok) throw new Error(d.template.problem);
    expect(changed(d.template.hunks.flatMap((h) => h.lines))).toEqual([
      expect.stringMatching(/^- +"S3Key": "functions\/[0-9a-f]{64}\.zip"$/),
      expect.stringMatching(/^\+ +"S3Key": "functions\/[0-9a-f]{64}\.zip"$/),
    ]);
    expect(d.cost.ok && d.cost.diff.delta).toBe(0);
  });

  it("prices a removed resource as a decrease", async () => {
    const queue = `${STARTER_YAML}cloudformationResources:\n  jobs:\n    Type: AWS::SQS::Queue\n`;
    const d = await diffRevisions(rev(1, queue), rev(2), OPTIONS);
    if (!d.cost.ok) throw new Error(d.cost.problem);
    expect(d.cost.diff.resources.find((r) => r.resource === "jobs")).toMatchObject({ change: "removed", after: 0 });
    expect(d.cost.diff.delta).toBeLessThan(0);
  });

  it("says a revision only moved nodes when the YAML and code are the same and positions differ", async () => {
    const moved = await diffRevisions({ ...rev(1), canvasPositions: { hello: { x: 0, y: 0 } } }, { ...rev(2), canvasPositions: { hello: { x: 240, y: 80 }, api: { x: 0, y: 0 } } }, OPTIONS);
    expect(moved.moved).toEqual(["api", "hello"]);
    expect(moved.yaml).toMatchObject({ ok: true, hunks: [] });
    expect(moved.layoutOnly).toBe(true);

    const edited = await diffRevisions({ ...rev(1), canvasPositions: {} }, { ...rev(2, STARTER_YAML.replace("memory: 256", "memory: 512")), canvasPositions: { hello: { x: 1, y: 1 } } }, OPTIONS);
    expect(edited.moved).toEqual(["hello"]);
    expect(edited.layoutOnly).toBe(false);

    const same = await diffRevisions(rev(1), rev(2), OPTIONS);
    expect(same.moved).toEqual([]);
    expect(same.layoutOnly).toBe(false);
  });

  it("reports a revision that does not render instead of a template diff", async () => {
    const d = await diffRevisions(rev(1), rev(2, "resources: {}\n"), OPTIONS);
    expect(d.template).toEqual({ ok: false, problem: expect.stringMatching(/^revision 2 does not render: .*at least one/) });
    expect(d.yaml.ok).toBe(true);
  });
});
