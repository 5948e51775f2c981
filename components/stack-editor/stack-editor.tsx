"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import { capDiagnostics, type Diagnostic } from "@/lib/stack";
import { ErrorText } from "@/components/ui/alert";
import type { CanvasPoint, CanvasPositions } from "@/lib/canvas/positions";
import { ConflictDialog } from "./conflict-dialog";
import { revealField } from "./forms/reveal-field";
import { EDITOR_PANEL_ID, EDITOR_VIEWS, EditorToolbar, type EditorView } from "./editor-toolbar";
import { Inspector } from "./forms/inspector";
import type { ResourceOption } from "./forms/field-control";
import { removeEdge } from "./model/connect";
import { docFromYaml, savedCode, savedPositions, withCode, withDefinition, withYaml, type CodeMap, type EditorDoc } from "./model/doc";
import { editorReducer, initialState, isDirty } from "./model/editor-state";
import type { EdgeRef } from "./model/graph";
import { buildGraph } from "./model/graph";
import type { PaletteItem } from "./model/palette";
import { removeResource } from "./model/palette";
import { setInPruned, type Path } from "./model/paths";
import { forgetPosition, movePositions, renamePosition } from "./model/positions";
import { countProblems, problemSummary } from "./model/problem-summary";
import { saveStatus } from "./model/save-status";
import { renameResource } from "./model/rename";
import { analyzeForEditor, checkDefinition, combineDiagnostics, fieldId } from "./model/validate";
import { PalettePanel } from "./palette-panel";
import { useEditorSave } from "./use-editor-save";
import { useFollowUp } from "./use-follow-up";
import { useStable } from "./use-stable";
import { usePreview } from "./use-preview";
import { useUndoShortcuts } from "./use-undo-shortcuts";
import { useUnsavedGuard } from "./use-unsaved-guard";
import { CanvasPane } from "./views/canvas-pane";
import { CodeView } from "./views/code-view";
import { CostTab, type EditorCostSettings } from "./views/cost-tab";
import { PreviewPanel } from "./views/preview-panel";
import { YamlView } from "./views/yaml-view";

export interface StackEditorProps {
  orgSlug: string;
  stackId: string;
  revision: { number: number; yaml: string; code: CodeMap; canvasPositions: CanvasPositions };
  canEdit: boolean;
  cost: EditorCostSettings;
}

/** How long typing must pause before validation, the canvas, the cost and the preview follow it. */
const FOLLOW_UP_AFTER_MS = 300;

/**
 * The stack editor: one document (model/doc.ts) shown as a canvas, code, YAML and forms. What a
 * keystroke must show (the field, the YAML text) renders at once; what follows from the edit
 * (validation, the graph, the canvas, the cost and the preview) renders from a trailing copy of the
 * state (useFollowUp), so a large stack does not slow typing down.
 */
export function StackEditor({ orgSlug, stackId, revision, canEdit, cost }: StackEditorProps) {
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initialState(docFromYaml(revision.yaml, revision.code, revision.canvasPositions), revision.number));
  const doc = state.history.present;
  const settledState = useFollowUp(state, FOLLOW_UP_AFTER_MS);
  const settled = settledState.history.present;
  const [view, setView] = useState<EditorView>("canvas");
  const [codeFn, setCodeFn] = useState<string | null>(null);
  const [goto, setGoto] = useState<{ line?: number; token: number }>({ token: 0 });

  // While the YAML has errors the definition is stale: report the YAML's problems, at their lines (the YAML view shows them there too).
  // Only then is the text read: a form edit's YAML is written when first read (model/doc.ts).
  const analyzedYaml = settled.yamlPending || view === "yaml" ? settled.yaml : null;
  const analysis = useMemo(() => (analyzedYaml !== null ? analyzeForEditor(analyzedYaml) : checkDefinition(settled.definition)), [analyzedYaml, settled.definition]);
  const dirty = isDirty(settledState);
  // Keystrokes not yet followed up count as unsaved: leaving then still asks.
  useUnsavedGuard(dirty || settledState.history !== state.history);
  const code = useMemo(() => savedCode(settled, state.saved.code), [settled, state.saved.code]);
  const { preview, updating, error: previewError } = usePreview(orgSlug, stackId, settled, code);
  // The server also checks the rendered template; until it answers for this edit, show the local check.
  const diagnostics: readonly Diagnostic[] = useMemo(
    () => (!updating && preview ? combineDiagnostics(preview.diagnostics, analysis) : capDiagnostics(analysis)),
    [updating, preview, analysis],
  );
  const problems = countProblems(diagnostics);
  const summary = problemSummary(problems);

  // Most edits (a handler name, a memory size) leave the graph as it was: the canvas, the resource list
  // and the pickers keep the same objects then and do not re-render their 200 entries.
  const built = useMemo(() => ({ graph: buildGraph(settled.definition), definition: settled.definition }), [settled.definition]);
  const { graph, definition: graphDefinition } = useStable(built, useMemo(() => JSON.stringify(built.graph), [built]));
  const resources: ResourceOption[] = useMemo(() => graph.nodes.map((n) => ({ name: n.id, kind: n.kind })), [graph]);
  const failingNames = useMemo(() => [...new Set(analysis.filter((d) => d.severity === "error").map((d) => String(d.path[1] ?? "")))].sort(), [analysis]);
  const failing = useStable(useMemo(() => new Set(failingNames), [failingNames]), failingNames.join("\n"));
  const locked = !canEdit || doc.yamlPending;
  const save = useEditorSave(orgSlug, stackId, state, dispatch);

  const edit = useCallback((apply: (d: EditorDoc) => EditorDoc, coalesce?: string, select?: string | null) => dispatch({ type: "edit", apply, coalesce, select }), []);
  const type = useCallback((apply: (d: EditorDoc) => EditorDoc, coalesce: string) => dispatch({ type: "edit", apply, coalesce, typing: true }), []);
  const onField = useCallback((path: Path, value: unknown) => type((d) => withDefinition(d, setInPruned(d.definition, path, value, 3)), path.join(".")), [type]);
  const remove = useCallback(
    (name: string) => edit((d) => ({ ...withDefinition(d, removeResource(d.definition, name)), positions: forgetPosition(d.positions, name) }), undefined, null),
    [edit],
  );
  const rename = useCallback(
    (from: string, to: string) => edit((d) => ({ ...withDefinition(d, renameResource(d.definition, from, to)), positions: renamePosition(d.positions, from, to) }), undefined, to),
    [edit],
  );
  const select = useCallback((name: string | null) => dispatch({ type: "select", name }), []);
  const add = useCallback((item: PaletteItem) => dispatch({ type: "add", item }), []);
  const connect = useCallback((source: string, target: string, choice?: string) => dispatch({ type: "connect", source, target, choice }), []);
  const move = useCallback((moved: Record<string, CanvasPoint>) => edit((d) => ({ ...d, positions: movePositions(d.positions, moved) }), `move:${Object.keys(moved).join(",")}`), [edit]);
  const removeLink = useCallback((ref: EdgeRef) => edit((d) => withDefinition(d, removeEdge(d.definition, ref))), [edit]);
  const rearrange = useCallback(() => edit((d) => ({ ...d, positions: {} })), [edit]);
  const step = useCallback((direction: "undo" | "redo") => dispatch({ type: direction }), []);
  const openCode = useCallback((name: string) => {
    setCodeFn(name);
    setView("code");
  }, []);
  // Not a transition: the YAML view applies its text when it loses focus, and a Save clicked then must see it.
  const onYaml = useCallback((text: string) => type((d) => withYaml(d, text), "yaml"), [type]);
  const onCode = useCallback((file: string, source: string) => type((d) => withCode(d, file, source), `code:${file}`), [type]);
  useUndoShortcuts(step);

  useEffect(() => {
    performance.mark("stack-editor-interactive");
    document.documentElement.dataset.editorReady = "true";
  }, []);

  const jump = useCallback(
    (d: Diagnostic) => {
      const [section, name] = d.path;
      const known = typeof name === "string" && (section === "resources" || section === "cloudformationResources") && graph.nodes.some((n) => n.id === name);
      if (known && !settled.yamlPending && view !== "yaml") {
        dispatch({ type: "select", name });
        // Focus the field at the path, or its nearest ancestor that has one, once the inspector shows it.
        requestAnimationFrame(() => {
          for (let n = d.path.length; n > 0; n--) {
            const el = document.getElementById(fieldId(d.path.slice(0, n)));
            if (el) return revealField(el);
          }
        });
        return;
      }
      setView("yaml");
      setGoto((g) => ({ line: d.line ?? 1, token: g.token + 1 }));
    },
    [graph, settled.yamlPending, view],
  );

  const costTab = useMemo(
    () => [
      {
        id: "cost",
        label: "Cost",
        content: <CostTab definition={settled.yamlPending ? null : settled.definition} saved={state.saved.definition} savedNumber={state.baseNumber} unsaved={dirty} settings={cost} />,
      },
    ],
    [settled.yamlPending, settled.definition, state.saved.definition, state.baseNumber, dirty, cost],
  );

  return (
    <div className="relative left-1/2 flex w-[calc(100vw-2rem)] -translate-x-1/2 flex-col gap-3">
      <EditorToolbar
        view={view}
        onView={setView}
        canUndo={state.history.past.length > 0}
        canRedo={state.history.future.length > 0}
        onStep={step}
        message={save.message}
        onMessage={save.setMessage}
        canSave={canEdit && problems.errors === 0 && !doc.yamlPending && dirty}
        saving={save.saving}
        onSave={() => void save.save()}
        status={saveStatus({ canEdit, problems: summary, errors: problems.errors, dirty, baseNumber: state.baseNumber, notice: save.notice })}
      />
      {save.error ? <ErrorText message={save.error} /> : null}
      {save.notice && dirty ? <p className="text-sm text-slate-700">{save.notice}</p> : null}

      <div className="grid grid-cols-1 gap-3 lg:grid-cols-[13rem_minmax(0,1fr)_24rem]">
        <PalettePanel nodes={graph.nodes} definition={graphDefinition} selected={settledState.selected} locked={locked} onAdd={add} onSelect={select} onConnect={connect} />

        <div
          id={EDITOR_PANEL_ID}
          role="tabpanel"
          aria-label={`${EDITOR_VIEWS.find((v) => v.id === view)!.label} view`}
          className="h-[34rem] rounded-lg border border-slate-200 bg-white p-1"
        >
          {view === "canvas" ? (
            <CanvasPane
              definition={graphDefinition}
              selected={settledState.selected}
              positions={settled.positions}
              canRearrange={!locked && Object.keys(savedPositions(settled)).length > 0}
              locked={locked}
              problem={state.connectProblem}
              onRearrange={rearrange}
              onMove={move}
              failing={failing}
              onSelect={select}
              onConnect={connect}
              onRemoveEdge={removeLink}
              onRemoveNode={remove}
            />
          ) : view === "code" ? (
            <CodeView definition={doc.definition} code={doc.code} fn={codeFn} onSelect={setCodeFn} onChange={onCode} />
          ) : (
            <YamlView yaml={settled.yaml} pending={settled.yamlPending} diagnostics={analysis} onChange={onYaml} gotoLine={goto.line} gotoToken={goto.token} />
          )}
        </div>

        <aside aria-label="Inspector" className="h-[34rem] overflow-auto rounded-lg border border-slate-200 bg-white p-3">
          {doc.yamlPending ? <p className="mb-2 text-xs text-amber-800">The YAML has errors: fix them in the YAML view to edit here again.</p> : null}
          <fieldset disabled={locked} className="min-w-0">
            <legend className="sr-only">Resource settings</legend>
            <Inspector
              definition={doc.definition}
              selected={state.selected}
              diagnostics={analysis}
              resources={resources}
              readOnly={locked}
              onChange={onField}
              onRemove={remove}
              onRename={rename}
              onOpenCode={openCode}
            />
          </fieldset>
        </aside>
      </div>

      {previewError ? <ErrorText message={`Preview: ${previewError}`} /> : null}
      <PreviewPanel preview={preview} diagnostics={diagnostics} summary={summary} updating={updating} onJump={jump} extraTabs={costTab} />

      {save.conflict ? (
        <ConflictDialog conflict={save.conflict} base={{ number: state.baseNumber, yaml: state.saved.yaml }} mine={doc.yaml} mergeProblem={save.mergeProblem} onChoose={save.resolve} onClose={save.dismissConflict} />
      ) : null}
    </div>
  );
}
