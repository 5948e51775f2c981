// Canvas positions in the editor's document: a node the person moved keeps its place, one never moved
// gets the automatic layout. Pure.
import type { CanvasPoint, CanvasPositions } from "@/lib/canvas/positions";
import type { GraphNode } from "./graph";

/** `positions` with `moved` placed; whole pixels, so a saved position reads back exactly. */
export function movePositions(positions: CanvasPositions, moved: Readonly<Record<string, CanvasPoint>>): CanvasPositions {
  const next = { ...positions };
  for (const [id, p] of Object.entries(moved)) next[id] = { x: Math.round(p.x), y: Math.round(p.y) };
  return next;
}

/** A renamed resource keeps its place (and the order of the mapping stays). */
export function renamePosition(positions: CanvasPositions, from: string, to: string): CanvasPositions {
  if (!Object.hasOwn(positions, from)) return positions;
  return Object.fromEntries(Object.entries(positions).map(([k, v]) => [k === from ? to : k, v]));
}

/** Without the position of a removed resource, so a new one of the same name starts in the automatic layout. */
export function forgetPosition(positions: CanvasPositions, id: string): CanvasPositions {
  if (!Object.hasOwn(positions, id)) return positions;
  return Object.fromEntries(Object.entries(positions).filter(([k]) => k !== id));
}

/** Positions of the nodes still on the canvas: what a save stores and what "unsaved changes" compares. */
export function nodePositions(positions: CanvasPositions, nodes: readonly GraphNode[]): CanvasPositions {
  const out: CanvasPositions = {};
  for (const n of nodes) if (Object.hasOwn(positions, n.id)) out[n.id] = positions[n.id];
  return out;
}
