"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Background,
  Controls,
  Handle,
  MiniMap,
  Panel,
  Position,
  ReactFlow,
  applyNodeChanges,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import type { StackDefinition } from "@/lib/stack";
import type { CanvasPoint, CanvasPositions } from "@/lib/canvas/positions";
import { connectChoices } from "../model/connect";
import { buildGraph, type EdgeRef, type GraphEdge, type GraphNode } from "../model/graph";
import { groupFrames, groupNodes, layoutGraph, NODE_WIDTH, nodeHeight, placeNodes } from "../model/layout";
import { foldGroups, parallelOffsets } from "../model/view-graph";
import { inView, READABLE_ZOOM, readableFit, type Bounds } from "../model/viewport";
import { ConnectChoiceMenu, type PendingConnection } from "./canvas-choice";
import { RoutedEdge, type RoutedEdgeData } from "./canvas-edge";
import { GroupFrameNode, type GroupFrameData } from "./canvas-frame";
import { kindLabel } from "./canvas-labels";
import { CanvasSearch } from "./canvas-search";
import { KindIcon, NoteBullet } from "./icons";

export { kindLabel };

const EDGE_STYLE: Record<GraphEdge["kind"], React.CSSProperties> = {
  trigger: { stroke: "#4f46e5" },
  authorizer: { stroke: "#b45309", strokeDasharray: "4 3" },
  destination: { stroke: "#be123c" },
  access: { stroke: "#047857", strokeDasharray: "2 3" },
  edge: { stroke: "#7c3aed" },
};

type ResourceNodeData = { node: GraphNode; error: boolean; hidden: number };

// xyflow turns the node wrapper's own focus outline off: the card (inside the wrapper, a Tailwind group) shows keyboard focus instead.
const FOCUS = "group-focus-visible:outline-3 group-focus-visible:outline-offset-2 group-focus-visible:outline-amber-500";

function ResourceNode({ data, selected }: NodeProps<Node<ResourceNodeData>>) {
  const { node, error, hidden } = data;
  return (
    <div
      style={{ width: NODE_WIDTH }}
      className={`rounded-md border bg-white px-2 py-1.5 text-left shadow-sm ${FOCUS} ${selected ? "border-indigo-600 ring-2 ring-indigo-300" : error ? "border-red-500" : "border-slate-300"}`}
    >
      <Handle type="target" position={Position.Left} />
      <div className="flex items-center gap-1 text-[10px] uppercase tracking-wide text-slate-600">
        <KindIcon kind={node.kind} />
        {kindLabel(node.kind)}
        {hidden ? <span className="ml-auto normal-case tracking-normal">+{hidden} hidden</span> : null}
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

const nodeTypes = { resource: ResourceNode, frame: GroupFrameNode };
const edgeTypes = { routed: RoutedEdge };
const FRAME_PREFIX = "group:";

/** Where every shown node (and group outline) lies, for fitting the view. */
function boundsOf(boxes: readonly Bounds[]): Bounds {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/**
 * Fits the view when resources are added or removed, so a new node is never off screen (a big graph
 * opens on its corner at a zoom where names can be read), and when an edit moves nodes in a graph
 * shown whole: a big one keeps where the person is looking.
 */
function FitOnChange({ count, layout, bounds }: { count: number; layout: string; bounds: Bounds }) {
  const { setViewport } = useReactFlow();
  const measured = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const latest = useRef({ bounds, count: -1 });
  useEffect(() => {
    if (!measured || !width || !height) return;
    const fit = readableFit(bounds, { width, height });
    const added = latest.current.count !== count;
    latest.current = { bounds, count };
    if (added || fit.whole) void setViewport(fit);
    // Bounds change on every drag step: follow layout changes only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [count, layout, measured, width, height, setViewport]);
  return null;
}

/**
 * Pans to a newly selected node when it is (partly) off screen: chosen in the Resources list or found
 * by search (each search hit is a new `token`). A node that only moves is not followed.
 */
function FollowSelection({ id, box, token }: { id: string | null; box: Bounds | null; token: number }) {
  const { getViewport, setCenter } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const followed = useRef("");
  const latest = useRef(box);
  useEffect(() => {
    latest.current = box;
  });
  useEffect(() => {
    const key = `${id}|${token}`;
    if (id === null || !width || followed.current === key) return;
    // After this commit's refit (FitOnChange) has moved the view.
    const frame = requestAnimationFrame(() => {
      followed.current = key;
      const target = latest.current;
      const viewport = getViewport();
      if (!target || inView(target, viewport, { width, height })) return;
      void setCenter(target.x + target.width / 2, target.y + target.height / 2, { zoom: Math.max(viewport.zoom, READABLE_ZOOM), duration: 200 });
    });
    return () => cancelAnimationFrame(frame);
  }, [id, token, width, height, getViewport, setCenter]);
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
  /** An edge drawn from source to target; `choice` is what it means when it could mean several things (see connectChoices). */
  onConnect: (source: string, target: string, choice?: string) => void;
  onRemoveEdge: (ref: EdgeRef) => void;
  onRemoveNode: (id: string) => void;
}

/**
 * The stack as a graph: zoom and pan, click (or Enter) to select a node or an edge, Delete to remove it,
 * drag from a node's right handle to another node to connect them. Past a few nodes, functions are
 * grouped by the source that triggers them; groups collapse, a minimap and search find the rest.
 */
export function Canvas({ definition, selected, positions, onMove, failing, onSelect, onConnect, onRemoveEdge, onRemoveNode }: CanvasProps) {
  const graph = useMemo(() => buildGraph(definition), [definition]);
  const structure = graph.nodes.map((n) => `${n.id}:${n.notes.length}`).join(",") + "|" + graph.edges.map((e) => `${e.source}>${e.target}`).join(",");
  // Re-group only when nodes or edges change, not on every property edit.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const groups = useMemo(() => groupNodes(graph.nodes, graph.edges), [structure]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  // The group of the selected node is shown open, so what the Resources list or search chose is on the canvas.
  const shownCollapsed = useMemo(
    () => new Set([...collapsed].filter((id) => !groups.some((g) => g.id === id && selected !== null && g.members.indexOf(selected) > 0))),
    [collapsed, groups, selected],
  );
  const view = useMemo(() => foldGroups(graph, groups, shownCollapsed), [graph, groups, shownCollapsed]);
  const viewStructure = `${structure}|${[...shownCollapsed].join(",")}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const layout = useMemo(() => layoutGraph(view.nodes, view.edges, view.groups), [viewStructure]);
  const placed = useMemo(() => placeNodes(view.nodes, positions, layout), [view.nodes, positions, layout]);
  // Positions while a drag is under way: the document (and its undo history) gets only where it ends.
  const [dragging, setDragging] = useState<Record<string, CanvasPoint>>({});
  // xyflow shows a controlled node only once its measured size is passed back in.
  const [sizes, setSizes] = useState<Record<string, { width: number; height: number }>>({});
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<PendingConnection | null>(null);
  const [revealToken, setRevealToken] = useState(0);

  const at = (id: string) => dragging[id] ?? placed.get(id)!;
  const frames = groupFrames(view.groups, view.nodes, new Map(view.nodes.map((n) => [n.id, at(n.id)])));
  const toggleGroup = (id: string) => {
    const closing = !shownCollapsed.has(id);
    // A selected node inside would keep its group open.
    if (closing && selected !== null && groups.some((g) => g.id === id && g.members.indexOf(selected) > 0)) onSelect(null);
    setCollapsed((c) => (closing ? new Set([...c, id]) : new Set([...c].filter((g) => g !== id))));
  };
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));

  const frameNodes: Node<GroupFrameData>[] = frames.map((f) => {
    const group = groups.find((g) => g.id === f.id)!;
    return {
      id: `${FRAME_PREFIX}${f.id}`,
      type: "frame",
      position: { x: f.x, y: f.y },
      width: f.width,
      height: f.height,
      measured: { width: f.width, height: f.height },
      data: { hub: f.id, kind: kindOf.get(f.id) ?? "", members: group.members.length, collapsed: shownCollapsed.has(f.id), onToggle: toggleGroup },
      draggable: false,
      selectable: false,
      focusable: false,
      deletable: false,
      connectable: false,
      zIndex: -1,
      style: { pointerEvents: "none" },
    };
  });
  const resourceNodes: Node<ResourceNodeData>[] = view.nodes.map((n) => ({
    id: n.id,
    type: "resource",
    position: at(n.id),
    data: { node: n, error: failing.has(n.id), hidden: view.hidden.get(n.id) ?? 0 },
    selected: n.id === selected,
    className: "group",
    measured: sizes[n.id],
    ariaLabel: `${kindLabel(n.kind)} ${n.id}`,
  }));
  const nodes = [...frameNodes, ...resourceNodes];
  const offsets = parallelOffsets(view.edges);
  const edges: Edge<RoutedEdgeData>[] = view.edges.map((e) => ({
    id: e.id,
    type: "routed",
    source: e.source,
    target: e.target,
    label: e.label,
    data: { ref: e.ref, offset: offsets.get(e.id) ?? 0, faint: e.framed },
    style: EDGE_STYLE[e.kind],
    selected: selectedEdges.has(e.id),
    // An edge folded from several (a collapsed group's) stands for more than one thing to remove.
    deletable: e.folded === 1,
    ariaLabel: `${e.kind} ${e.label} from ${e.source} to ${e.target}`,
  }));

  const onNodesChange = (changes: NodeChange<Node>[]) => {
    const applied = applyNodeChanges(changes, nodes as Node[]);
    const moved = (id: string) => [id, applied.find((n) => n.id === id)!.position] as const;
    const moving = changes.flatMap((c) => (c.type === "position" && c.position ? [c] : []));
    const during = moving.filter((c) => c.dragging).map((c) => moved(c.id));
    const dropped = moving.filter((c) => !c.dragging).map((c) => moved(c.id));
    if (during.length) setDragging((m) => ({ ...m, ...Object.fromEntries(during) }));
    if (dropped.length) {
      onMove(Object.fromEntries(dropped));
      setDragging((m) => Object.fromEntries(Object.entries(m).filter(([id]) => !dropped.some(([d]) => d === id))));
    }
    const dimensions = changes.flatMap((c) => (c.type === "dimensions" && c.dimensions ? [[c.id, c.dimensions] as const] : []));
    if (dimensions.length) setSizes((m) => ({ ...m, ...Object.fromEntries(dimensions) }));
    // Enter on a focused node selects it (a click does too, and also reaches onNodeClick).
    const chosen = changes.find((c) => c.type === "select" && c.selected && !c.id.startsWith(FRAME_PREFIX));
    if (chosen && chosen.type === "select") {
      setSelectedEdges(new Set());
      onSelect(chosen.id);
    }
  };

  const onEdgesChange = (changes: EdgeChange<Edge<RoutedEdgeData>>[]) => {
    const selections = changes.flatMap((c) => (c.type === "select" ? [c] : []));
    if (!selections.length) return;
    const next = new Set(selectedEdges);
    for (const c of selections) {
      if (c.selected) next.add(c.id);
      else next.delete(c.id);
    }
    setSelectedEdges(next);
    // A selected node would be deleted with the edge by the same key press.
    if (selections.some((c) => c.selected)) onSelect(null);
  };

  const startConnect = (source: string, target: string) => {
    const r = connectChoices(definition, source, target);
    if (r.ok && r.choices.length > 1) setPending({ source, target, choices: r.choices });
    else onConnect(source, target);
  };

  // xyflow listens for Delete/Backspace on the whole document, and the node selected in the
  // Resources list is selected here too: delete only when the key was pressed on the canvas.
  const region = useRef<HTMLDivElement>(null);
  const deleteFromCanvasOnly = async () => region.current?.contains(document.activeElement) ?? false;

  const chosen = selected !== null && placed.has(selected) ? selected : null;
  const chosenNode = chosen ? view.nodes.find((n) => n.id === chosen) : undefined;
  const chosenBox = chosen && chosenNode ? { ...at(chosen), width: NODE_WIDTH, height: nodeHeight(chosenNode) } : null;
  const boxes: Bounds[] = [...frames, ...view.nodes.map((n) => ({ ...at(n.id), width: NODE_WIDTH, height: nodeHeight(n) }))];

  return (
    <div ref={region} className="h-full w-full" aria-label="Stack canvas" role="region">
      <ReactFlow
        onBeforeDelete={deleteFromCanvasOnly}
        deleteKeyCode={["Backspace", "Delete"]}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeClick={(_, n) => {
          if (n.id.startsWith(FRAME_PREFIX)) return;
          setSelectedEdges(new Set());
          onSelect(n.id);
        }}
        // A clicked edge takes the focus, so Delete (which acts only on the canvas) removes it.
        onEdgeClick={(e) => (e.currentTarget as SVGGElement).focus()}
        onPaneClick={() => {
          setSelectedEdges(new Set());
          onSelect(null);
        }}
        onConnect={(c) => c.source && c.target && startConnect(c.source, c.target)}
        onEdgesDelete={(removed) => {
          // Highest index first, so earlier removals do not shift later ones.
          const refs = removed.map((e) => e.data!.ref).sort((a, b) => ("index" in b ? b.index : 0) - ("index" in a ? a.index : 0));
          for (const ref of refs) onRemoveEdge(ref);
          setSelectedEdges(new Set());
        }}
        onNodesDelete={(removed) => removed.forEach((n) => onRemoveNode(n.id))}
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <FitOnChange count={nodes.length} layout={viewStructure} bounds={boundsOf(boxes.length ? boxes : [{ x: 0, y: 0, width: 1, height: 1 }])} />
        <FollowSelection id={chosen} box={chosenBox} token={revealToken} />
        <Background />
        <Controls showInteractive={false} />
        {/* Below 640 px the minimap would cover a good part of the canvas: the Resources list and search find nodes there. */}
        <MiniMap
          className="max-sm:hidden"
          pannable
          zoomable
          ariaLabel="Canvas minimap"
          nodeColor={(n) => (n.type === "frame" ? "transparent" : n.selected ? "#4f46e5" : "#94a3b8")}
          nodeStrokeColor={(n) => (n.type === "frame" ? "#94a3b8" : "transparent")}
        />
        <Panel position="top-right">
          <CanvasSearch
            names={graph.nodes.map((n) => n.id)}
            onFound={(name) => {
              onSelect(name);
              setRevealToken((t) => t + 1);
            }}
          />
        </Panel>
        {pending ? (
          <Panel position="top-center">
            <ConnectChoiceMenu
              pending={pending}
              onChoose={(choice) => {
                onConnect(pending.source, pending.target, choice);
                setPending(null);
              }}
              onCancel={() => setPending(null)}
            />
          </Panel>
        ) : null}
      </ReactFlow>
    </div>
  );
}
