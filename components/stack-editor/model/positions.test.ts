import { describe, expect, it } from "vitest";
import { docFromYaml, savedPositions, withDefinition } from "./doc";
import { editorReducer, initialState, isDirty } from "./editor-state";
import { buildGraph } from "./graph";
import { layoutGraph, placeNodes } from "./layout";
import { forgetPosition, movePositions, renamePosition } from "./positions";
import { removeResource } from "./palette";

const YAML = `resources:
  api: { type: http-api-gateway }
  fn:
    type: function
    properties:
      packaging: { type: stacktape-lambda-buildpack, properties: { entryfilePath: f.ts } }
      events: [{ type: http-api-gateway, properties: { httpApiGatewayName: api, method: GET, path: /x } }]
`;

describe("canvas positions", () => {
  it("a stored position wins over the automatic layout; nodes without one are laid out", () => {
    const { nodes, edges } = buildGraph(docFromYaml(YAML, {}).definition);
    const layout = layoutGraph(nodes, edges);
    const placed = placeNodes(nodes, { fn: { x: 900, y: 40 } }, layout);
    expect(placed.get("fn")).toEqual({ x: 900, y: 40 });
    expect(placed.get("api")).toEqual(layout.get("api"));
  });

  it("moving rounds to whole pixels; renaming keeps the place and the order; removing forgets it", () => {
    const moved = movePositions({ api: { x: 1, y: 2 } }, { fn: { x: 10.4, y: -3.6 } });
    expect(moved).toEqual({ api: { x: 1, y: 2 }, fn: { x: 10, y: -4 } });
    expect(Object.keys(renamePosition(moved, "api", "gateway"))).toEqual(["gateway", "fn"]);
    expect(renamePosition(moved, "gateway", "x")).toBe(moved);
    expect(forgetPosition(moved, "api")).toEqual({ fn: { x: 10, y: -4 } });
  });

  it("a move is an undoable edit that makes the editor dirty; a save stores only positions of existing nodes", () => {
    const doc = docFromYaml(YAML, {}, { api: { x: 5, y: 5 } });
    let state = initialState(doc, 1);
    expect(isDirty(state)).toBe(false);
    state = editorReducer(state, { type: "edit", apply: (d) => ({ ...d, positions: movePositions(d.positions, { fn: { x: 300, y: 90 } }) }) });
    expect(isDirty(state)).toBe(true);
    expect(savedPositions(state.history.present)).toEqual({ api: { x: 5, y: 5 }, fn: { x: 300, y: 90 } });
    state = editorReducer(state, { type: "undo" });
    expect(isDirty(state)).toBe(false);
    expect(state.history.present.positions).toEqual({ api: { x: 5, y: 5 } });

    // A position left behind by a removed node is not saved, and is no unsaved change by itself.
    const removed = withDefinition(doc, removeResource(doc.definition, "api"));
    expect(savedPositions(removed)).toEqual({});
    const ordered = docFromYaml(YAML, {}, { fn: { x: 1, y: 1 }, api: { x: 2, y: 2 } });
    const reordered = { ...ordered, positions: { api: { x: 2, y: 2 }, fn: { x: 1, y: 1 } } };
    expect(isDirty({ ...initialState(ordered, 1), history: { past: [], present: reordered, future: [] } })).toBe(false);
  });
});
