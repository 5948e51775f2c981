// Pure edits behind the list and map controls, and the text formats of the line and JSON fields.

/** A copy of `items` with the item at `from` moved to `to` (clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  const target = Math.min(Math.max(to, 0), copy.length - 1);
  if (from < 0 || from >= copy.length || target === from) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item);
  return copy;
}

export interface MapRow {
  name: string;
  value: string;
}

/** The rows a string map is edited as, in its key order. */
export function rowsOf(map: unknown): MapRow[] {
  if (map === null || typeof map !== "object" || Array.isArray(map)) return [];
  return Object.entries(map).map(([name, value]) => ({ name, value: typeof value === "string" ? value : JSON.stringify(value) }));
}

/** Whether a value can be edited as rows without losing anything (a mapping of strings). */
export function isStringMap(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
}

/**
 * The mapping the rows stand for, or the first problem that keeps them from being one (an empty or
 * repeated name), naming the row; no rows is no mapping (undefined).
 */
export function mapOf(rows: readonly MapRow[], itemLabel: string): { ok: true; value: Record<string, string> | undefined } | { ok: false; message: string } {
  const out: Record<string, string> = {};
  for (const [i, row] of rows.entries()) {
    const name = row.name.trim();
    if (name === "") return { ok: false, message: `${itemLabel} ${i + 1}: the name is empty.` };
    if (Object.hasOwn(out, name)) return { ok: false, message: `${itemLabel} ${i + 1}: the name '${name}' is already used by another row.` };
    out[name] = row.value;
  }
  return { ok: true, value: rows.length ? out : undefined };
}

/** A name not yet used by the rows, for a new row. */
export function freshName(rows: readonly MapRow[], stem: string): string {
  for (let n = rows.length + 1; ; n++) {
    const name = `${stem}${n}`;
    if (!rows.some((r) => r.name === name)) return name;
  }
}

export type TextFormat = "json" | "lines";

export function formatText(format: TextFormat, value: unknown): string {
  if (value === undefined) return "";
  if (format === "lines") return Array.isArray(value) ? value.map(String).join("\n") : String(value);
  return JSON.stringify(value, null, 2);
}

export interface TextProblem {
  message: string;
  /** 1-based, when the parser says where. */
  line?: number;
  column?: number;
}

/** Where a JSON.parse error points, from the offset V8 reports ("at position 12"). */
function locate(text: string, message: string): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)/.exec(message);
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1])).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The value a field's text stands for: empty is unset; `keepEmpty` (required lists) keeps an empty list. */
export function parseText(format: TextFormat, text: string, keepEmpty = false): { ok: true; value: unknown } | ({ ok: false } & TextProblem) {
  if (text.trim() === "") return { ok: true, value: format === "lines" && keepEmpty ? [] : undefined };
  if (format === "lines") return { ok: true, value: text.split("\n").map((l) => l.trim()).filter(Boolean) };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const message = (e as Error).message;
    const at = locate(text, message);
    return { ok: false, message: `not valid JSON: ${message}`, ...at };
  }
}
