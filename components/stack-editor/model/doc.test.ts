import { describe, expect, it } from "vitest";
import { printStack } from "@/lib/stack";
import { docFromYaml, withCode, withDefinition, withYaml, type EditorDoc } from "./doc";
import { setInPruned } from "./paths";

const YAML = `# the shop
resources:
  fn:
    type: function
    properties:
      packaging:
        type: stacktape-lambda-buildpack
        properties:
          entryfilePath: src/fn.ts # the handler
      memory: 256
`;
const handlerPath = ["resources", "fn", "properties", "packaging", "properties", "handlerFunction"];
const type = (doc: EditorDoc, text: string) => withDefinition(doc, setInPruned(doc.definition, handlerPath, text, 3));

describe("EditorDoc edits", () => {
  it("a run of form edits writes YAML that holds the last one and keeps the comments, however many were not read in between", () => {
    let doc = docFromYaml(YAML, {});
    for (const text of ["h", "ha", "han", "hand"]) doc = type(doc, text);
    expect(doc.definition.resources.fn).toMatchObject({ properties: { packaging: { properties: { handlerFunction: "hand" } } } });
    expect(doc.yaml).toBe(YAML.replace("entryfilePath: src/fn.ts # the handler\n", "entryfilePath: src/fn.ts # the handler\n          handlerFunction: hand\n"));
    // Read in between: the next edit patches from the text written.
    const next = type(doc, "handl");
    expect(next.yaml).toContain("handlerFunction: handl");
    expect(doc.yaml).toContain("handlerFunction: hand\n");
  });

  it("copies keep an unread edit's YAML: a code edit on top of a form edit saves the form edit", () => {
    const doc = withCode(type(docFromYaml(YAML, {}), "main"), "src/fn.ts", "export const main = 1;");
    expect(doc.code).toEqual({ "src/fn.ts": "export const main = 1;" });
    expect(doc.yaml).toContain("handlerFunction: main");
    expect({ ...doc }.yaml).toBe(doc.yaml);
  });

  it("YAML that does not parse is kept as typed with the last definition; a form edit then reprints the definition", () => {
    const good = docFromYaml(YAML, {});
    const pending = withYaml(good, "resources: [");
    expect(pending).toMatchObject({ yaml: "resources: [", yamlPending: true, definition: good.definition });
    const edited = type(pending, "x");
    expect(edited.yamlPending).toBe(false);
    expect(edited.yaml).toBe(printStack(edited.definition));
  });
});
