"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { StackDefinition } from "@/lib/stack";
import type { CanvasPoint, CanvasPositions } from "@/lib/canvas/positions";
import { buildGraph, type EdgeRef, type GraphEdge, type GraphNode } from "../model/graph";
import { layoutGraph, NODE_WIDTH, placeNodes } from "../model/layout";
import { KindIcon, NoteBullet } from "./icons";

const KIND_LABEL: Record<string, string> = {
  function: "Function",
  "edge-lambda-function": "Edge function",
  "http-api-gateway": "HTTP API",
  bucket: "Bucket",
  "event-bus": "Event bus",
  "user-auth-pool": "User pool",
  "dynamo-db-table": "DynamoDB table",
  "application-load-balancer": "Load balancer",
  queue: "SQS queue",
  topic: "SNS topic",
  stream: "Kinesis stream",
};
export const kindLabel = (kind: string) => KIND_LABEL[kind] ?? kind;

const EDGE_STYLE: Record<GraphEdge["kind"], React.CSSProperties> = {
  trigger: { stroke: "#4f46e5" },
  authorizer: { stroke: "#b45309", strokeDasharray: "4 3" },
  destination: { stroke: "#be123c" },
  access: { stroke: "#047857", strokeDasharray: "2 3" },
  edge: { stroke: "#7c3aed" },
};

type ResourceNodeData = { node: GraphNode; error: boolean };

function ResourceNode({ data, selected }: NodeProps<Node<ResourceNodeData>>) {
  const { node, error } = data;
  return (
    <div
      style={{ width: NODE_WIDTH }}
      className={`rounded-md border bg-white px-2 py-1.5 text-left shadow-sm ${selected ? "border-indigo-600 ring-2 ring-indigo-300" : error ? "border-red-500" : "border-slate-300"}`}
    >
      <Handle type="target" position={Position.Left} />
      <div className="flex items-center gap-1 text-[10px] uppercase tracking-wide text-slate-600">
        <KindIcon kind={node.kind} />
        {kindLabel(node.kind)}
      </div>
      <div className="truncate font-mono text-xs font-semibold text-slate-900">{node.id}</div>
      {node.notes.map((note, i) => (
        <div key={i} className="flex items-center gap-0.5 text-[10px] text-slate-700">
          <NoteBullet />
          <span className="truncate">{note}</span>
        </div>
      ))}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const nodeTypes = { resource: ResourceNode };

/** Refits the view when resources are added or removed, so a new node is never off screen. */
function FitOnChange({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  const measured = useNodesInitialized();
  useEffect(() => {
    if (measured) void fitView({ maxZoom: 1.2, padding: 0.15 });
  }, [count, measured, fitView]);
  return null;
}

export interface CanvasProps {
  definition: StackDefinition;
  selected: string | null;
  /** Where the person placed nodes; the others get the automatic layout. */
  positions: CanvasPositions;
  /** Nodes dropped at a new place (once per drag, or per arrow-key step). */
  onMove: (moved: Record<string, CanvasPoint>) => void;
  /** Resource names with an error, outlined in red. */
  failing: ReadonlySet<string>;
  onSelect: (id: string | null) => void;
  onConnect: (source: string, target: string) => void;
  onRemoveEdge: (ref: EdgeRef) => void;
  onRemoveNode: (id: string) => void;
}

/** The stack as a graph: zoom and pan, click to select, drag from a source's right handle to a function to add a trigger. */
export function Canvas({ definition, selected, positions, onMove, failing, onSelect, onConnect, onRemoveEdge, onRemoveNode }: CanvasProps) {
  const graph = useMemo(() => buildGraph(definition), [definition]);
  const structure = graph.nodes.map((n) => `${n.id}:${n.notes.length}`).join(",") + "|" + graph.edges.map((e) => `${e.source}>${e.target}`).join(",");
  // Re-layout only when nodes or edges change, not on every property edit.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => layoutGraph(graph.nodes, graph.edges), [structure]);
  const placed = useMemo(() => placeNodes(graph.nodes, positions, layout), [graph.nodes, positions, layout]);
  // Positions while a drag is under way: the document (and its undo history) gets only where it ends.
  const [dragging, setDragging] = useState<Record<string, CanvasPoint>>({});
  // xyflow shows a controlled node only once its measured size is passed back in.
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});

  const nodes: Node<ResourceNodeData>[] = graph.nodes.map((n) => ({
    id: n.id,
    type: "resource",
    position: dragging[n.id] ?? placed.get(n.id)!,
    data: { node: n, error: failing.has(n.id) },
    selected: n.id === selected,
    measured: sizes[n.id],
    ariaLabel: `${kindLabel(n.kind)} ${n.id}`,
  }));
  const edges: Edge<{ ref: EdgeRef }>[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    label: e.label,
    data: { ref: e.ref },
    style: EDGE_STYLE[e.kind],
    ariaLabel: `${e.kind} ${e.label} from ${e.source} to ${e.target}`,
  }));

  const onNodesChange = (changes: NodeChange<Node<ResourceNodeData>>[]) => {
    const applied = applyNodeChanges(changes, nodes);
    const at = (id: string) => [id, applied.find((n) => n.id === id)!.position] as const;
    const moving = changes.flatMap((c) => (c.type === "position" && c.position ? [c] : []));
    const during = moving.filter((c) => c.dragging).map((c) => at(c.id));
    const dropped = moving.filter((c) => !c.dragging).map((c) => at(c.id));
    if (during.length) setDragging((m) => ({ ...m, ...Object.fromEntries(during) }));
    if (dropped.length) {
      onMove(Object.fromEntries(dropped));
      setDragging((m) => Object.fromEntries(Object.entries(m).filter(([id]) => !dropped.some(([d]) => d === id))));
    }
    const dimensions = changes.flatMap((c) => (c.type === "dimensions" && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (dimensions.length) setSizes((m) => ({ ...m, ...Object.fromEntries(dimensions) }));
  };

  // xyflow listens for Delete/Backspace on the whole document, and the node selected in the
  // Resources list is selected here too: delete only when the key was pressed on the canvas.
  const region = useRef<HTMLDivElement>(null);
  const deleteFromCanvasOnly = async () => region.current?.contains(document.activeElement) ?? false;

  return (
    <div ref={region} className="h-full w-full" aria-label="Stack canvas" role="region">
      <ReactFlow
        onBeforeDelete={deleteFromCanvasOnly}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={(_, n) => onSelect(n.id)}
        onPaneClick={() => onSelect(null)}
        onConnect={(c) => c.source && c.target && onConnect(c.source, c.target)}
        onEdgesDelete={(removed) => {
          // Highest index first, so earlier removals do not shift later ones.
          const refs = removed.map((e) => e.data!.ref).sort((a, b) => ("index" in b ? b.index : 0) - ("index" in a ? a.index : 0));
          for (const ref of refs) onRemoveEdge(ref);
        }}
        onNodesDelete={(removed) => removed.forEach((n) => onRemoveNode(n.id))}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <FitOnChange count={nodes.length} />
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
