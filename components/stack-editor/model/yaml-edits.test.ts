// Property: form and canvas edits on commented versions of the seed examples keep every comment that is
// not attached to a removed node, and the YAML they leave holds exactly the definition the edit made.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, Scalar } from "yaml";
import { parseStack, type StackDefinition } from "@/lib/stack";
import { connectChoices, refPath, removeEdge } from "./connect";
import { docFromYaml, withDefinition, type EditorDoc } from "./doc";
import { buildGraph } from "./graph";
import { removeResource } from "./palette";
import { getIn, setInPruned, startsWith, type Path } from "./paths";
import { renameProblem, renameResource } from "./rename";

const fixturesDir = path.resolve(__dirname, "../../../server/render/fixtures");
const FIXTURES = readdirSync(fixturesDir)
  .filter((f) => f.endsWith(".yml"))
  .map((file) => ({ file, text: readFileSync(path.join(fixturesDir, file), "utf8") }));

/** A small seeded generator, so one fast-check integer decides every decoration of a fixture. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/**
 * The fixture with a top-of-file comment, comments above keys and list items and after scalars, some
 * quoted strings and some flow-style leaf collections, all chosen by `seed`; and each comment's
 * definition path (flow collections get no comments inside: YAML cannot keep them there).
 */
function decorate(text: string, seed: number): { yaml: string; comments: Map<string, Path> } {
  const rand = random(seed);
  const doc = parseDocument(text);
  const comments = new Map<string, Path>();
  const note = (kind: string, at: Path) => {
    const id = `${kind}${comments.size}`;
    comments.set(id, at);
    return ` ${id}`;
  };
  doc.commentBefore = note("top", []);
  const leaf = (items: unknown[]) => items.length > 0 && items.every((i) => isScalar(i) || (isScalar((i as { value?: unknown }).value) && isScalar((i as { key?: unknown }).key)));
  const walk = (node: unknown, at: Path): void => {
    if (isMap(node)) {
      if (at.length > 2 && leaf(node.items) && rand() < 0.2) return void (node.flow = true);
      for (const pair of node.items) {
        const key = String((pair.key as Scalar).value);
        if (rand() < 0.6) (pair.key as Scalar).commentBefore = note("key", [...at, key]);
        walk(pair.value, [...at, key]);
      }
    } else if (isSeq(node)) {
      if (leaf(node.items) && rand() < 0.3) return void (node.flow = true);
      node.items.forEach((item, i) => {
        if (rand() < 0.6 && !isScalar(item)) (item as Scalar).commentBefore = note("item", [...at, i]);
        walk(item, [...at, i]);
      });
    } else if (isScalar(node)) {
      if (rand() < 0.5) node.comment = note("value", at);
      if (typeof node.value === "string") node.type = ([Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE] as const)[Math.floor(rand() * 3)];
    }
  };
  walk(doc.contents, []);
  return { yaml: doc.toString({ lineWidth: 0 }), comments };
}

interface State {
  doc: EditorDoc;
  /** Comments that must still be in the YAML, with the definition path of the node each is attached to. */
  comments: Map<string, Path>;
}

type Edit = { kind: "memory" | "env" | "addTrigger" | "removeTrigger" | "removeResource" | "rename" | "connect" | "removeEdge"; pick: number; value: number; text: string };

const functionsOf = (d: StackDefinition) => Object.keys(d.resources).filter((n) => d.resources[n].type === "function");
const nth = <T,>(items: T[], i: number): T | undefined => (items.length ? items[i % items.length] : undefined);

/** Drops the comments under a removed path, and the one below `at` in a list that lost item `index`. */
function forget(comments: Map<string, Path>, removed: Path): void {
  for (const [id, at] of comments) if (startsWith(at, removed)) comments.delete(id);
}
function shiftAfterRemoval(comments: Map<string, Path>, list: Path, index: number): void {
  for (const [id, at] of comments) {
    const i = at[list.length];
    if (startsWith(at, list) && typeof i === "number" && i > index) comments.set(id, [...list, i - 1, ...at.slice(list.length + 1)]);
  }
}
/** The highest ancestor of `removed` (itself included) that the pruned definition no longer has. */
function removedRoot(definition: StackDefinition, removed: Path): Path {
  let root = removed;
  for (let depth = removed.length - 1; depth > 0 && getIn(definition, removed.slice(0, depth)) === undefined; depth--) root = removed.slice(0, depth);
  return root;
}

/** One form- or canvas-like edit, made with the editor's own model functions; false when it does not apply. */
function apply(state: State, edit: Edit): boolean {
  const def = state.doc.definition;
  const fn = nth(functionsOf(def), edit.pick);
  const props: Path = ["resources", fn ?? "", "properties"];
  let next: StackDefinition;
  let removed: Path | undefined;
  switch (edit.kind) {
    case "memory":
      if (!fn) return false;
      next = setInPruned(def, [...props, "memory"], 128 + (edit.value % 10_113), 3);
      break;
    case "env": {
      if (!fn) return false;
      const env = (getIn(def, [...props, "environment"]) as unknown[] | undefined) ?? [];
      const i = edit.value % (env.length + 1);
      next = i < env.length ? setInPruned(def, [...props, "environment", i, "value"], edit.text, 3) : setInPruned(def, [...props, "environment", i], { name: `VAR_${edit.value}`, value: edit.text }, 3);
      break;
    }
    case "addTrigger": {
      if (!fn) return false;
      const events = (getIn(def, [...props, "events"]) as unknown[] | undefined) ?? [];
      next = setInPruned(def, [...props, "events", events.length], { type: "schedule", properties: { scheduleRate: `rate(${1 + (edit.value % 59)} minutes)` } }, 3);
      break;
    }
    case "removeTrigger": {
      const events = fn ? (getIn(def, [...props, "events"]) as unknown[] | undefined) : undefined;
      if (!events?.length) return false;
      const i = edit.value % events.length;
      next = setInPruned(def, [...props, "events", i], undefined, 3);
      removed = removedRoot(next, [...props, "events", i]);
      forget(state.comments, removed);
      shiftAfterRemoval(state.comments, [...props, "events"], i);
      break;
    }
    case "removeResource": {
      const raw = Object.keys(def.cloudformationResources ?? {});
      const name = nth([...Object.keys(def.resources), ...raw], edit.pick);
      if (!name) return false;
      const section = Object.hasOwn(def.resources, name) ? "resources" : "cloudformationResources";
      next = removeResource(def, name);
      forget(state.comments, removedRoot(next, [section, name]));
      break;
    }
    case "rename": {
      const raw = Object.keys(def.cloudformationResources ?? {});
      const from = nth([...Object.keys(def.resources), ...raw], edit.pick);
      if (!from) return false;
      const section = Object.hasOwn(def.resources, from) ? "resources" : "cloudformationResources";
      const to = `${from}X${edit.value % 100}`;
      if (renameProblem(def, from, to)) return false;
      next = renameResource(def, from, to);
      for (const [id, at] of state.comments) if (startsWith(at, [section, from])) state.comments.set(id, [section, to, ...at.slice(2)]);
      break;
    }
    case "connect": {
      // An edge drawn on the canvas between two nodes, with one of the meanings it offers.
      const { nodes } = buildGraph(def);
      const [from, to] = [nth(nodes, edit.pick), nth(nodes, edit.value)];
      const r = from && to ? connectChoices(def, from.id, to.id) : undefined;
      const choice = r?.ok ? nth(r.choices, edit.value) : undefined;
      if (!choice) return false;
      // A destination drawn again replaces the old value, and the comment on it.
      if (typeof getIn(def, choice.selectPath) === "string") forget(state.comments, choice.selectPath);
      next = choice.definition;
      break;
    }
    case "removeEdge": {
      const edge = nth(buildGraph(def).edges, edit.pick);
      if (!edge) return false;
      const at = refPath(edge.ref);
      next = removeEdge(def, edge.ref);
      forget(state.comments, removedRoot(next, at));
      const index = at[at.length - 1];
      if (typeof index === "number") shiftAfterRemoval(state.comments, at.slice(0, -1), index);
      break;
    }
  }
  state.doc = withDefinition(state.doc, next);
  return true;
}

const edits: fc.Arbitrary<Edit[]> = fc.array(
  fc.record({
    kind: fc.constantFrom("memory", "env", "addTrigger", "removeTrigger", "removeResource", "rename", "connect", "removeEdge"),
    pick: fc.nat(50),
    value: fc.nat(10_000),
    // Environment values with YAML's special characters, so the edited scalar's quoting is tested too.
    text: fc.string({ unit: fc.constantFrom("a", "Z", "1", " ", ":", "#", "'", '"', "-", "{", "[", "\\", "*", "&", "!", "|", ">", "%", "@", "é"), maxLength: 12 }),
  }),
  { minLength: 1, maxLength: 4 },
);

const present = (yaml: string, id: string) => new RegExp(`#\\s?${id}(?![0-9])`).test(yaml);

describe("form and canvas edits on commented seed examples", () => {
  it("keep every comment not attached to a removed node, and the YAML holds exactly the edited definition", () => {
    fc.assert(
      fc.property(fc.nat(FIXTURES.length - 1), fc.nat(), edits, (fixture, seed, steps) => {
        const { yaml, comments } = decorate(FIXTURES[fixture].text, seed);
        const start = docFromYaml(yaml, {});
        expect(start.yamlPending, FIXTURES[fixture].file).toBe(false);
        const state: State = { doc: start, comments };
        for (const edit of steps) {
          if (!apply(state, edit)) continue;
          const reparsed = parseStack(state.doc.yaml);
          expect(reparsed.definition, state.doc.yaml).toEqual(state.doc.definition);
          const lost = [...state.comments.keys()].filter((id) => !present(state.doc.yaml, id));
          expect(lost, `${FIXTURES[fixture].file} after ${edit.kind}:\n${state.doc.yaml}`).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("decorating a fixture keeps its definition and puts every comment in the YAML", () => {
    for (const { file, text } of FIXTURES) {
      const { yaml, comments } = decorate(text, 7);
      expect(parseStack(yaml).definition, file).toEqual(parseStack(text).definition);
      expect([...comments.keys()].filter((id) => !present(yaml, id)), file).toEqual([]);
    }
  });
});
