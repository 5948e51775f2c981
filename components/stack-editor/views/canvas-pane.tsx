"use client";
import { memo } from "react";
import { Button } from "@/components/ui/button";
import { Canvas, type CanvasProps } from "./canvas";

/**
 * The Canvas view: the graph, Re-arrange, and why the last connection was refused. Memoized, so an edit
 * re-renders the 200 nodes of a large stack only when what they show changed.
 */
export const CanvasPane = memo(function CanvasPane({ canRearrange, locked, problem, onRearrange, ...canvas }: CanvasProps & {
  /** Some node was placed by hand. */
  canRearrange: boolean;
  locked: boolean;
  problem: string | null;
  onRearrange: () => void;
}) {
  return (
    <div className="flex h-full flex-col">
      <div className="flex items-center gap-2 px-1 pb-1">
        <Button variant="secondary" disabled={!canRearrange} title="Lay out every node automatically again" onClick={onRearrange}>
          Re-arrange
        </Button>
        {problem ? (
          <p role="alert" className="text-xs text-red-700">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="min-h-0 flex-1" inert={locked}>
        <Canvas {...canvas} />
      </div>
    </div>
  );
});
