// Where the person placed nodes on the editor's canvas, stored with a revision beside (never inside)
// the YAML. Browser-safe: the editor builds it, the save action checks it with the same schema.
import { z } from "zod";

// A type, not an interface: Prisma's JSON input types need an indexable object type.
export type CanvasPoint = { x: number; y: number };

/** Resource name (or raw CloudFormation logical id) to the top-left corner of its node. */
export type CanvasPositions = Record<string, CanvasPoint>;

// Far outside any canvas a person scrolls to, and far above any real stack's node count.
const MAX_COORDINATE = 1_000_000;
export const MAX_CANVAS_POSITIONS = 2000;

const coordinate = (axis: "x" | "y") =>
  z
    .number({ error: `${axis} must be a number` })
    .min(-MAX_COORDINATE, `${axis} is limited to ±${MAX_COORDINATE}`)
    .max(MAX_COORDINATE, `${axis} is limited to ±${MAX_COORDINATE}`);

export const canvasPositionsSchema = z
  .record(
    z.string().min(1, "a position needs a resource name").max(256, "a resource name is limited to 256 characters"),
    z.strictObject(
      { x: coordinate("x"), y: coordinate("y") },
      { error: (issue) => (issue.code === "unrecognized_keys" ? `a position has only x and y, not ${issue.keys.join(", ")}` : "a position is an object { x, y }") },
    ),
    { error: "positions are an object of resource name to { x, y }" },
  )
  .refine((positions) => Object.keys(positions).length <= MAX_CANVAS_POSITIONS, `at most ${MAX_CANVAS_POSITIONS} positions`);

/** The names in `positions` that are not resources of the definition (a position must belong to a node). */
export function strayPositions(positions: CanvasPositions, names: ReadonlySet<string>): string[] {
  return Object.keys(positions).filter((name) => !names.has(name));
}

/** The positions of `names` only. */
export function keptPositions(positions: CanvasPositions, names: ReadonlySet<string>): CanvasPositions {
  return Object.fromEntries(Object.entries(positions).filter(([name]) => names.has(name)));
}

/** Positions as read back from storage; anything that does not fit (never written by a save) counts as none. */
export function storedCanvasPositions(json: unknown): CanvasPositions {
  const parsed = canvasPositionsSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

/** The nodes placed differently in `after` than in `before` (moved, or placed by hand or left to the automatic layout in only one), sorted. */
export function movedNodes(before: CanvasPositions, after: CanvasPositions): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const at = (positions: CanvasPositions, name: string) => (Object.hasOwn(positions, name) ? positions[name] : undefined);
  return [...names].filter((name) => at(before, name)?.x !== at(after, name)?.x || at(before, name)?.y !== at(after, name)?.y).sort();
}
