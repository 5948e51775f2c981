import { describe, expect, it } from "vitest";
import { docFromYaml } from "./doc";
import { editorReducer, initialState, isDirty } from "./editor-state";
import { PALETTE } from "./palette";

const YAML = `# the shop
resources:
  api:
    type: http-api-gateway
  fn:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/fn.ts
`;
const item = (kind: string) => PALETTE.find((p) => p.kind === kind)!;

describe("editorReducer", () => {
  it("adds a palette item under a fresh name, with its handler file, and selects it; one undo takes it back", () => {
    const start = initialState(docFromYaml(YAML, { "src/fn.ts": "x" }), 1);
    const added = editorReducer(start, { type: "add", item: item("function") });
    const doc = added.history.present;
    expect(added.selected).toBe("function");
    expect(doc.definition.resources.function?.type).toBe("function");
    expect(doc.code["src/function.ts"]).toBeDefined();
    expect(doc.yaml.startsWith("# the shop\n")).toBe(true);
    expect(isDirty(added)).toBe(true);
    expect(isDirty(editorReducer(added, { type: "undo" }))).toBe(false);
  });

  it("connects an API to a function as a route and selects the function; a refused pair says why and changes nothing", () => {
    const start = initialState(docFromYaml(YAML, {}), 1);
    const linked = editorReducer(start, { type: "connect", source: "api", target: "fn" });
    expect(linked.selected).toBe("fn");
    expect(linked.connectProblem).toBeNull();
    expect(linked.history.present.yaml).toContain("httpApiGatewayName: api");

    const refused = editorReducer(start, { type: "connect", source: "fn", target: "api" });
    expect(refused.connectProblem).toEqual(expect.any(String));
    expect(refused.history).toBe(start.history);
    expect(editorReducer(refused, { type: "connect", source: "api", target: "fn" }).connectProblem).toBeNull();
  });
});

describe("typing", () => {
  it("is set by a keystroke's edit and cleared by anything else", () => {
    const start = initialState(docFromYaml(YAML, {}), 1);
    const typed = editorReducer(start, { type: "edit", apply: (d) => ({ ...d, code: { "src/fn.ts": "a" } }), coalesce: "code:src/fn.ts", typing: true });
    expect(typed.typing).toBe(true);
    expect(editorReducer(typed, { type: "select", name: "fn" }).typing).toBe(false);
    expect(editorReducer(typed, { type: "undo" }).typing).toBe(false);
  });
});
