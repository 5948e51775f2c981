"use client";
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from "@xyflow/react";
import type { EdgeRef } from "../model/graph";

export type RoutedEdgeData = {
  ref: EdgeRef;
  /** Place among the edges joining the same two nodes, centred on 0: each step bends the curve this far apart. */
  offset: number;
  /**
   * A route from an open group's hub to a member: drawn faint and unlabelled until selected, so the
   * fan of them does not cover the group (the member's note line names it), yet it can be selected and deleted.
   */
  faint: boolean;
};

/** Pixels between the labels of two edges joining the same nodes (a label is about 18 px tall). */
const SPREAD = 34;

/**
 * A curve from the source's right to the target's left, bowed by its offset so two routes of one API
 * to one function run (and are labelled) apart; the label is drawn above the nodes, never under one.
 */
export function RoutedEdge({ id, sourceX, sourceY, targetX, targetY, label, style, selected, data, interactionWidth }: EdgeProps<Edge<RoutedEdgeData>>) {
  const bow = (data?.offset ?? 0) * SPREAD * (4 / 3);
  const reach = Math.max(40, Math.abs(targetX - sourceX) / 2);
  const path = `M ${sourceX},${sourceY} C ${sourceX + reach},${sourceY + bow} ${targetX - reach},${targetY + bow} ${targetX},${targetY}`;
  // A cubic Bézier's middle: halfway across, and 3/4 of the bow below the straight line.
  const labelX = (sourceX + targetX) / 2;
  const labelY = (sourceY + targetY) / 2 + bow * 0.75;
  return (
    <>
      <BaseEdge id={id} path={path} style={{ ...style, strokeWidth: selected ? 3 : 1.5, strokeOpacity: data?.faint && !selected ? 0.3 : 1 }} interactionWidth={interactionWidth} />
      {label && (selected || !data?.faint) ? (
        <EdgeLabelRenderer>
          <div
            data-edge-label={id}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, zIndex: 1001 }}
            className={`absolute max-w-40 truncate rounded border bg-white px-1 font-mono text-[10px] leading-4 text-slate-800 ${selected ? "border-indigo-600" : "border-slate-200"}`}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}
