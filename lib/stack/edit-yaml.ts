// Definition edit -> YAML edit. A form or canvas edit changes the definition; instead of reprinting
// the whole stack (which drops comments, quoting and flow style), the current YAML document is
// patched in place: only the nodes whose values differ between the old and the new definition are
// touched, so every other node keeps its comments and its style. Pure to callers (the one piece of
// state is a cache of the last document produced, see lastEdit).
import { isMap, isNode, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { printStack } from "./print";
import { readYaml } from "./read-yaml";
import type { StackDefinition } from "./schema";

/** The patch met a document that does not hold the old definition; the whole stack is reprinted instead. */
class Mismatch extends Error {}

type Plain = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Plain => v !== null && typeof v === "object" && !Array.isArray(v);

/** Structural equality of parsed YAML data (key order ignored, as the definition's meaning ignores it). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
}

// Nodes the patch creates are written as printStack writes them.
const CREATE = { aliasDuplicateObjects: false } as const;

interface Style {
  indent: number;
  indentSeq: boolean;
  flowCollectionPadding: boolean;
}

const column = (source: string, offset: number) => offset - source.lastIndexOf("\n", offset - 1) - 1;

/** How the document is laid out, so nodes the patch writes line up with the rest; and whether it has aliases. */
function documentStyle(doc: Document.Parsed, source: string): { style: Style; hasAlias: boolean } {
  const style: Style = { indent: 2, indentSeq: true, flowCollectionPadding: true };
  let hasAlias = false;
  let seenIndent = false;
  let seenSeq = false;
  let seenFlow = false;
  visit(doc, {
    Alias() {
      hasAlias = true;
      return visit.BREAK;
    },
    Pair(_key, pair, path) {
      const parent = path[path.length - 1];
      const value = pair.value as Node | null;
      const keyStart = (pair.key as Node | null)?.range?.[0];
      if (keyStart === undefined || !value?.range || !isMap(parent) || parent.flow) return;
      if (!seenIndent && isMap(value) && !value.flow && value.items.length > 0) {
        const child = (value.items[0].key as Node | null)?.range?.[0];
        if (child !== undefined && column(source, child) > column(source, keyStart)) {
          style.indent = column(source, child) - column(source, keyStart);
          seenIndent = true;
        }
      }
      if (!seenSeq && isSeq(value) && !value.flow && value.items.length > 0) {
        style.indentSeq = column(source, value.range[0]) > column(source, keyStart);
        seenSeq = true;
      }
    },
    Seq(_key, seq) {
      if (!seenFlow && seq.flow && seq.items.length > 0 && seq.range) {
        style.flowCollectionPadding = source[seq.range[0] + 1] === " ";
        seenFlow = true;
      }
    },
    Map(_key, map) {
      if (!seenFlow && map.flow && map.items.length > 0 && map.range) {
        style.flowCollectionPadding = source[map.range[0] + 1] === " ";
        seenFlow = true;
      }
    },
  });
  return { style, hasAlias };
}

/** A new node for `value`, keeping the comments and the blank line before the node it replaces. */
function replacement(doc: Document, old: unknown, value: unknown): Node {
  const created = doc.createNode(value, CREATE);
  if (isNode(old)) {
    created.commentBefore = old.commentBefore;
    created.comment = old.comment;
    created.spaceBefore = old.spaceBefore;
  }
  if ((isMap(old) || isSeq(old)) && old.flow && (isMap(created) || isSeq(created))) created.flow = true;
  return created;
}

const keyOf = (pair: Pair): string => {
  if (isScalar(pair.key) && pair.key.value !== null && typeof pair.key.value !== "object") return String(pair.key.value);
  throw new Mismatch("a mapping key that is not a scalar");
};

const definedKeys = (o: Plain) => Object.keys(o).filter((k) => o[k] !== undefined);

function patchMap(doc: Document, map: YAMLMap, old: Plain, next: Plain): void {
  const pairs = new Map<string, Pair>();
  for (const item of map.items) pairs.set(keyOf(item as Pair), item as Pair);
  const oldKeys = definedKeys(old);
  const nextKeys = definedKeys(next);
  if (pairs.size !== oldKeys.length) throw new Mismatch("the mapping does not hold the old definition's keys");
  const removed = oldKeys.filter((k) => !Object.hasOwn(next, k) || next[k] === undefined);
  const added = nextKeys.filter((k) => !Object.hasOwn(old, k) || old[k] === undefined);
  // A key replaced by a new one at the same place is a rename: the key node is renamed, so the entry keeps its comments.
  const addedSet = new Set(added);
  for (const from of [...removed]) {
    const to = nextKeys[oldKeys.indexOf(from)];
    if (to === undefined || !addedSet.delete(to)) continue;
    const pair = pairs.get(from)!;
    if (isScalar(pair.key)) pair.key.value = to;
    else pair.key = doc.createNode(to);
    pair.value = patch(doc, pair.value, old[from], next[to]);
    pairs.delete(from);
    removed.splice(removed.indexOf(from), 1);
    added.splice(added.indexOf(to), 1);
  }
  if (removed.length > 0) {
    const gone = new Set(removed.map((k) => pairs.get(k)));
    map.items = map.items.filter((item) => !gone.has(item as Pair));
  }
  for (const [key, pair] of pairs) {
    if (Object.hasOwn(next, key) && next[key] !== undefined) pair.value = patch(doc, pair.value, old[key], next[key]);
  }
  // New keys go at the end of their mapping, where the definition has them.
  if (added.length > 0) openUp(map);
  for (const key of added) map.items.push(doc.createPair(key, next[key], CREATE));
}

/** An empty `{}` or `[]` (how printStack writes an empty collection) that gets items is written as a block. */
function openUp(collection: YAMLMap | YAMLSeq): void {
  if (collection.items.length === 0) collection.flow = false;
}

/**
 * Items equal at both ends stay as they are; the differing middle is patched item by item, and the
 * items one side has more are removed or inserted there (so removing one trigger keeps the others').
 */
function patchSeq(doc: Document, seq: YAMLSeq, old: unknown[], next: unknown[]): void {
  if (seq.items.length !== old.length) throw new Mismatch("the list does not hold the old definition's items");
  let head = 0;
  while (head < old.length && head < next.length && sameData(old[head], next[head])) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && sameData(old[old.length - 1 - tail], next[next.length - 1 - tail])) tail++;
  const oldMiddle = old.length - head - tail;
  const nextMiddle = next.length - head - tail;
  const common = Math.min(oldMiddle, nextMiddle);
  for (let i = head; i < head + common; i++) seq.items[i] = patch(doc, seq.items[i], old[i], next[i]);
  if (oldMiddle > common) seq.items.splice(head + common, oldMiddle - common);
  if (nextMiddle > common) {
    openUp(seq);
    seq.items.splice(head + common, 0, ...next.slice(head + common, head + nextMiddle).map((v) => doc.createNode(v, CREATE)));
  }
}

/** The node that holds `next` where `node` held `old`: `node` itself, patched, wherever the kinds agree. */
function patch(doc: Document, node: unknown, old: unknown, next: unknown): unknown {
  if (old === next) return node;
  if (isPlainObject(old) && isPlainObject(next) && isMap(node)) {
    patchMap(doc, node, old, next);
    return node;
  }
  if (Array.isArray(old) && Array.isArray(next) && isSeq(node)) {
    patchSeq(doc, node, old, next);
    return node;
  }
  // A scalar of the same type keeps its node: its comment, and its quoting where the new text allows it.
  if (isScalar(node) && next !== null && typeof next !== "object" && typeof node.value === typeof next) {
    node.value = next;
    return node;
  }
  return replacement(doc, node, next);
}

/** The document's data must be the definition the patch expects; checked in development and tests. */
function checkResult(yaml: string, expected: StackDefinition): void {
  const { doc } = readYaml(yaml);
  if (!doc || doc.errors.length > 0 || !sameData(doc.toJS(), expected)) {
    throw new Error("applyDefinition: the edited YAML does not hold the edited definition");
  }
}

interface Editable {
  yaml: string;
  doc: Document.Parsed;
  style: Style;
}

// The document the last edit produced, with its text. Parsing costs about twice what printing does,
// and form edits come one after another on the text the previous one produced, so the next edit
// starts from this document instead of parsing again. Taken out while it is patched: a patch that
// fails half way leaves nothing behind.
let lastEdit: Editable | undefined;

/** A document to patch for `yaml`, or undefined when there is none (see applyDefinition). */
function editable(yaml: string): Editable | undefined {
  const last = lastEdit;
  lastEdit = undefined;
  if (last?.yaml === yaml) return last;
  const { doc, problems } = readYaml(yaml);
  if (!doc || doc.errors.length > 0 || problems.length > 0 || !isMap(doc.contents)) return undefined;
  const { style, hasAlias } = documentStyle(doc, yaml);
  return hasAlias ? undefined : { yaml, doc, style };
}

/**
 * `yaml` (whose data is `oldDefinition`) edited to hold `newDefinition`, keeping the comments and
 * style of every node the edit does not touch. Falls back to printStack when the text is not valid
 * YAML (the editor's pending text: there is no document to patch), when it has aliases (patching an
 * anchored node would change every alias of it too), or when the document does not hold
 * `oldDefinition` after all.
 */
export function applyDefinition(yaml: string, oldDefinition: StackDefinition, newDefinition: StackDefinition): string {
  if (oldDefinition === newDefinition) return yaml;
  const target = editable(yaml);
  if (!target) return printStack(newDefinition);
  const { doc, style } = target;
  try {
    doc.contents = patch(doc, doc.contents, oldDefinition, newDefinition) as typeof doc.contents;
  } catch (e) {
    if (e instanceof Mismatch) return printStack(newDefinition);
    throw e;
  }
  const out = doc.toString({ ...style, lineWidth: 0 });
  if (process.env.NODE_ENV !== "production") checkResult(out, newDefinition);
  lastEdit = { yaml: out, doc, style };
  return out;
}
