// Maps a path inside the definition (["resources","api","properties","path"]) to a line and column in its
// YAML or JSON source. Each mapping and list is indexed by key the first time a path goes through it,
// so locating N diagnostics costs at most one pass over the document plus N lookups of a few map
// reads each (a search of every mapping per diagnostic made a 60,000-key file quadratic).
import { isMap, isSeq, isScalar, type Document, type LineCounter } from "yaml";
import type { Diagnostic } from "./diagnostics";
import { readYaml } from "./read-yaml";

export type DefinitionPath = readonly (string | number)[];
export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}
/** For a map entry, point at its key (where editors expect a property) or at its value. */
export type LocateTarget = "key" | "value";

export interface SourceLocator {
  /** Position of the node at `path`, or of its nearest existing ancestor when the path does not exist. */
  locate(path: DefinitionPath, target?: LocateTarget): SourcePosition | undefined;
}

/** One node of the index: where its key and value start, and its children, indexed on first use. */
interface Indexed {
  key?: number;
  value?: number;
  node: unknown;
  children?: Map<string, Indexed>;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

/** The children of an indexed node by segment (map keys, list indices as strings); built once per node. */
function childrenOf(parent: Indexed): Map<string, Indexed> {
  if (parent.children) return parent.children;
  const children = new Map<string, Indexed>();
  if (isMap(parent.node)) {
    for (const pair of parent.node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      // The first of duplicate keys wins, as a search from the top would find it.
      if (children.has(key)) continue;
      const keyStart = rangeStart(pair.key);
      const valueStart = rangeStart(pair.value);
      children.set(key, { key: keyStart ?? valueStart, value: valueStart ?? keyStart, node: pair.value });
    }
  } else if (isSeq(parent.node)) {
    parent.node.items.forEach((item, i) => {
      const start = rangeStart(item);
      children.set(String(i), { key: start, value: start, node: item });
    });
  }
  parent.children = children;
  return children;
}

export function createLocator(doc: Document | undefined, lineCounter: LineCounter): SourceLocator {
  const start = rangeStart(doc?.contents);
  const root: Indexed = { key: start, value: start, node: doc?.contents };
  const position = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(path, target = "key") {
      if (!doc) return undefined;
      let at = root;
      for (const segment of path) {
        const next = childrenOf(at).get(String(segment));
        // The nearest existing ancestor.
        if (!next) return position(at.key);
        at = next;
      }
      return position(target === "key" ? at.key : at.value);
    },
  };
}

/** A locator for `source`, read with the same bounds as parseStack (a refused source locates nothing). */
export function sourceLocator(source: string): SourceLocator {
  const { doc, lineCounter } = readYaml(source);
  return createLocator(doc, lineCounter);
}

/** Position of `path` in `source` (key position for map entries unless target is "value"). */
export function locatePath(source: string, path: DefinitionPath, target: LocateTarget = "key"): SourcePosition | undefined {
  return sourceLocator(source).locate(path, target);
}

/** Every diagnostic without a line gets the position of its path, with one read of `source` for all. */
export function locateDiagnostics<D extends Diagnostic>(source: string, diagnostics: readonly D[]): D[] {
  if (diagnostics.every((d) => d.line !== undefined)) return [...diagnostics];
  const locator = sourceLocator(source);
  return diagnostics.map((d) => (d.line === undefined ? { ...d, ...locator.locate(d.path) } : d));
}
