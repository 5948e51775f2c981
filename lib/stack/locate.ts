// Maps a path inside the definition (["resources","api","properties","path"]) to a line and column in its
// YAML or JSON source, through the yaml library's AST and a line counter.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";

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

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

export function createLocator(doc: Document, lineCounter: LineCounter): SourceLocator {
  const position = (offset: number | undefined): SourcePosition | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    locate(path, target = "key") {
      let node: unknown = doc.contents;
      // Start of the best match so far: the key of the last map entry walked through, or the node itself.
      let best = rangeStart(node);
      for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const last = i === path.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
          if (!pair) return position(best);
          const keyStart = rangeStart(pair.key);
          const valueStart = rangeStart(pair.value);
          if (last) return position(target === "key" ? (keyStart ?? valueStart) : (valueStart ?? keyStart));
          best = keyStart ?? best;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          const item = node.items[segment] as Node | undefined;
          if (!item) return position(best);
          best = rangeStart(item) ?? best;
          node = item;
        } else {
          return position(best);
        }
      }
      return position(best);
    },
  };
}

/** Position of `path` in `source` (key position for map entries unless target is "value"). */
export function locatePath(source: string, path: DefinitionPath, target: LocateTarget = "key"): SourcePosition | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  return createLocator(doc, lineCounter).locate(path, target);
}
