// The one bounded way to turn stack definition text into a YAML document. The bounds are checked
// before the text reaches the parser (bytes) and while it is tokenized (nesting depth, nodes,
// aliases, resources), so hostile input stops at the point where it crosses a limit; the composer, which
// recurses per nesting level, and everything after it only ever see bounded input. What the
// composed tree could still hide (alias expansion, duplicate keys) is checked
// in one walk before any value is built.
import { Composer, CST, isAlias, isCollection, isMap, isPair, isScalar, Lexer, LineCounter, Parser, YAMLParseError, type Document, type Node } from "yaml";
import { STACK_INPUT_LIMITS } from "./limits";

export type StackInputLimits = typeof STACK_INPUT_LIMITS;

export interface YamlProblem {
  /** Offset in the source where it was found. */
  offset: number;
  message: string;
  /** "bounds" for a crossed limit (nothing after it is looked at), "yaml" otherwise. */
  code: "bounds" | "yaml";
}

export interface ReadYaml {
  /** Absent when a limit was crossed: nothing beyond that point was parsed. */
  doc?: Document.Parsed;
  lineCounter: LineCounter;
  /** Crossed limit, or duplicate keys (which the yaml package finds quadratically, so they are found here). */
  problems: YamlProblem[];
}

const number = (n: number) => n.toLocaleString("en-US");

/** Position of `offset` as "line L, column C" (1-based), for messages. */
function where(lineCounter: LineCounter, offset: number): string {
  const { line, col } = lineCounter.linePos(offset);
  return `line ${line}, column ${col}`;
}

/** The offset of the first character past `maxBytes` UTF-8 bytes, or -1 when the text fits. */
export function utf8Overflow(text: string, maxBytes: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const surrogatePair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length;
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : surrogatePair ? 4 : 3;
    if (bytes > maxBytes) return i;
    if (surrogatePair) i++;
  }
  return -1;
}

/** Total UTF-8 bytes of `text`, without Buffer (this module also runs in the browser). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes;
}

// Lexemes that become a node of the tree (a scalar's text follows its marker and is not counted again).
const NODE_LEXEMES = new Set<CST.TokenType>([
  "scalar",
  "single-quoted-scalar",
  "double-quoted-scalar",
  "alias",
  "flow-map-start",
  "flow-seq-start",
  "seq-item-ind",
  "explicit-key-ind",
]);

const RESOURCE_MAPS = new Set(["resources", "cloudformationResources"]);

type Collection = CST.BlockMap | CST.FlowCollection;
const isMapToken = (t: CST.Token | undefined): t is Collection => t?.type === "block-map" || (t?.type === "flow-collection" && t.start.source === "{");

/**
 * Counts the entries of the top-level resource maps while they are parsed: the parser's stack then
 * holds the document, the top-level mapping (whose last entry is the map's key) and the map itself.
 */
function resourceCounter() {
  const isResourceKey = new WeakMap<CST.Token, boolean>();
  const finished = new Set<Collection>();
  let current: Collection | undefined;
  let before = 0;
  return (stack: readonly CST.Token[]): number => {
    const top = stack[1];
    const map = stack[2];
    if (!isMapToken(top) || !isMapToken(map)) return before;
    const key = top.items[top.items.length - 1]?.key;
    if (!key) return before;
    if (!isResourceKey.has(key)) isResourceKey.set(key, RESOURCE_MAPS.has(CST.resolveAsScalar(key)?.value ?? ""));
    if (!isResourceKey.get(key)) return before;
    if (map !== current) {
      if (current && !finished.has(current)) {
        finished.add(current);
        before += current.items.length;
      }
      current = map;
    }
    // An entry that has only comments so far is not one yet.
    const entries = map.items.length - (map.items[map.items.length - 1]?.key ? 0 : 1);
    return before + entries;
  };
}

/** Tokenizes and parses to CST tokens (both iterative), refusing at the first limit crossed. */
function boundedTokens(source: string, lineCounter: LineCounter, limits: StackInputLimits): { tokens: CST.Token[]; problem?: YamlProblem } {
  const parser = new Parser(lineCounter.addNewLine);
  const resources = resourceCounter();
  const tokens: CST.Token[] = [];
  let nodes = 0;
  let aliases = 0;
  let documents = 0;
  let scalarText = false;
  const refuse = (what: string, limit: number, offset: number) => ({
    tokens,
    problem: { code: "bounds" as const, offset, message: `${what}; the limit is ${number(limit)} (crossed at ${where(lineCounter, offset)})` },
  });
  lineCounter.addNewLine(0);
  for (const lexeme of new Lexer().lex(source)) {
    const start = parser.offset;
    if (scalarText) scalarText = false;
    else {
      const type = CST.tokenType(lexeme);
      scalarText = type === "scalar";
      if (type && NODE_LEXEMES.has(type) && ++nodes > limits.nodes) {
        return refuse(`more than ${number(limits.nodes)} YAML nodes (keys, values and list items)`, limits.nodes, start);
      }
      if (type === "alias" && ++aliases > limits.aliases) return refuse(`more than ${number(limits.aliases)} aliases`, limits.aliases, start);
    }
    for (const token of parser.next(lexeme)) {
      tokens.push(token);
      // A second document is an error the composer reports; the rest of the stream is never needed.
      if (token.type === "document" && ++documents > 1) return { tokens };
    }
    // The parser's stack holds the document and every open collection (and briefly a scalar).
    if (parser.stack.length - 1 > limits.depth) return refuse(`nesting deeper than ${limits.depth} levels`, limits.depth, start);
    if (resources(parser.stack) > limits.resources) {
      return refuse(`more than ${number(limits.resources)} resources (resources and cloudformationResources together)`, limits.resources, start);
    }
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? "" : undefined;
}

/**
 * One walk of the composed tree: sizes with aliases expanded (refused past the node limit, which
 * catches "billion laughs" documents before any value is built) and duplicate keys (with a Set per
 * mapping).
 */
function checkTree(doc: Document.Parsed, lineCounter: LineCounter, limits: StackInputLimits): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const anchors = new Map<string, number>();
  let expanded = 0;
  class Refused extends Error {}
  const start = (node: unknown) => (node as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;

  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source) ?? 1;
      expanded += target;
      if (expanded > limits.nodes) {
        const at = start(node);
        problems.push({
          code: "bounds",
          offset: at,
          message: `aliases expand to more than ${number(limits.nodes)} YAML nodes (an alias bomb); the limit is ${number(limits.nodes)} (crossed at ${where(lineCounter, at)})`,
        });
        throw new Refused();
      }
      return target;
    }
    let total = 1;
    expanded += 1;
    if (isCollection(node)) {
      const seen = isMap(node) ? new Map<string, number>() : undefined;
      for (const item of node.items) {
        if (isPair(item)) {
          total += item.key === null ? 0 : size(item.key);
          total += item.value === null ? 0 : size(item.value);
          const key = keyText(item.key);
          if (seen && key !== undefined) {
            const first = seen.get(key);
            if (first === undefined) seen.set(key, start(item.key));
            else {
              const at = start(item.key);
              problems.push({ code: "yaml", offset: at, message: `Map keys must be unique: '${key}' is also at ${where(lineCounter, first)}` });
            }
          }
        } else total += size(item);
      }
    }
    const anchor = (node as Node | null)?.anchor;
    if (anchor) anchors.set(anchor, total);
    return total;
  };

  try {
    size(doc.contents);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return problems;
  }

  return problems;
}

/** Reads `source` as one YAML document within `limits`; see the module comment for what is checked when. */
export function readYaml(source: string, limits: StackInputLimits = STACK_INPUT_LIMITS): ReadYaml {
  const lineCounter = new LineCounter();
  const overflow = utf8Overflow(source, limits.bytes);
  if (overflow >= 0) {
    // Line breaks up to the crossing point only, so the position can be named without parsing.
    lineCounter.addNewLine(0);
    for (let i = source.indexOf("\n"); i !== -1 && i < overflow; i = source.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
    const message = `the definition is ${number(utf8Length(source))} bytes; the limit is ${number(limits.bytes)} bytes (crossed at ${where(lineCounter, overflow)})`;
    return { lineCounter, problems: [{ code: "bounds", offset: overflow, message }] };
  }
  const { tokens, problem } = boundedTokens(source, lineCounter, limits);
  if (problem) return { lineCounter, problems: [problem] };

  // As parseDocument does, with duplicate keys left to checkTree: the package compares each key with every earlier one.
  const composer = new Composer({ uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  for (const composed of composer.compose(tokens, true, source.length)) {
    if (doc) {
      doc.errors.push(new YAMLParseError([composed.range[0], composed.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; a stack definition is one document"));
      break;
    }
    doc = composed;
  }
  return { doc, lineCounter, problems: doc ? checkTree(doc, lineCounter, limits) : [] };
}
