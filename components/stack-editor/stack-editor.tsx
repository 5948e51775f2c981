"use client";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { capDiagnostics, type Diagnostic } from "@/lib/stack";
import { saveRevision } from "@/server/actions/stacks/save-revision";
import type { RevisionConflict } from "@/server/stacks/revisions";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { singleFlight, type FlightSlot } from "@/components/ui/single-flight";
import { ConflictDialog, type ConflictChoice } from "./conflict-dialog";
import { Inspector } from "./forms/inspector";
import { revealField } from "./forms/reveal-field";
import type { ResourceOption } from "./forms/field-control";
import { connect, removeEdge } from "./model/connect";
import { docFromYaml, savedCode, savedPositions, withCode, withDefinition, withYaml, type CodeMap, type EditorDoc } from "./model/doc";
import { editorReducer, initialState, isDirty } from "./model/editor-state";
import { buildGraph } from "./model/graph";
import { merge3, mergeCode } from "./model/merge";
import { addResource, PALETTE, removeResource } from "./model/palette";
import { setInPruned, type Path } from "./model/paths";
import { renameResource } from "./model/rename";
import { forgetPosition, movePositions, renamePosition } from "./model/positions";
import { analyzeForEditor, checkDefinition, fieldId } from "./model/validate";
import { usePreview } from "./use-preview";
import { useUnsavedGuard } from "./use-unsaved-guard";
import { Canvas, kindLabel } from "./views/canvas";
import { CodeView } from "./views/code-view";
import { PreviewPanel } from "./views/preview-panel";
import { CostTab, type EditorCostSettings } from "./views/cost-tab";
import { YamlView } from "./views/yaml-view";
import type { CanvasPositions } from "@/lib/canvas/positions";

export interface StackEditorProps {
  orgSlug: string;
  stackId: string;
  revision: { number: number; yaml: string; code: CodeMap; canvasPositions: CanvasPositions };
  canEdit: boolean;
  cost: EditorCostSettings;
}

type View = "canvas" | "code" | "yaml";
const VIEWS: { id: View; label: string }[] = [
  { id: "canvas", label: "Canvas" },
  { id: "code", label: "Code" },
  { id: "yaml", label: "YAML" },
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

export function StackEditor({ orgSlug, stackId, revision, canEdit, cost }: StackEditorProps) {
  const [state, dispatch] = useReducer(editorReducer, undefined, () => initialState(docFromYaml(revision.yaml, revision.code, revision.canvasPositions), revision.number));
  const doc = state.history.present;
  const [view, setView] = useState<View>("canvas");
  const [codeFn, setCodeFn] = useState<string | null>(null);
  const [goto, setGoto] = useState<{ line?: number; token: number }>({ token: 0 });
  const [message, setMessage] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [canvasProblem, setCanvasProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<RevisionConflict["latest"] | null>(null);

  // While the YAML has errors the definition is stale: report the YAML's problems, at their lines.
  const analysis = useMemo(
    () => ({ diagnostics: doc.yamlPending ? analyzeForEditor(doc.yaml) : checkDefinition(doc.definition) }),
    [doc.yamlPending, doc.yaml, doc.definition],
  );
  const errors = analysis.diagnostics.filter((d) => d.severity === "error");
  const dirty = isDirty(state);
  useUnsavedGuard(dirty);
  const code = useMemo(() => savedCode(doc, state.saved.code), [doc, state.saved.code]);
  const { preview, updating, error: previewError } = usePreview(orgSlug, stackId, doc.yaml, code);
  // The server sees everything the browser does plus the rendered template; until it answers, show the local check.
  const diagnostics: readonly Diagnostic[] = !updating && preview ? preview.diagnostics : capDiagnostics(analysis.diagnostics);

  const graph = useMemo(() => buildGraph(doc.definition), [doc.definition]);
  const resources: ResourceOption[] = graph.nodes.map((n) => ({ name: n.id, kind: n.kind }));
  const failing = new Set(errors.map((d) => String(d.path[1] ?? "")));
  const locked = !canEdit || doc.yamlPending;

  const edit = useCallback((apply: (d: EditorDoc) => EditorDoc, coalesce?: string, select?: string | null) => dispatch({ type: "edit", apply, coalesce, select }), []);
  const onField = useCallback(
    (path: Path, value: unknown) => edit((d) => withDefinition(d, setInPruned(d.definition, path, value, 3)), path.join(".")),
    [edit],
  );
  const remove = useCallback(
    (name: string) => edit((d) => ({ ...withDefinition(d, removeResource(d.definition, name)), positions: forgetPosition(d.positions, name) }), undefined, null),
    [edit],
  );
  const placedByHand = Object.keys(savedPositions(doc)).length > 0;

  useEffect(() => {
    performance.mark("stack-editor-interactive");
    document.documentElement.dataset.editorReady = "true";
  }, []);

  useEffect(() => {
    const keys = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(e.target)) return;
      if (e.key.toLowerCase() === "z") {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? "redo" : "undo" });
      } else if (e.key.toLowerCase() === "y") {
        e.preventDefault();
        dispatch({ type: "redo" });
      }
    };
    window.addEventListener("keydown", keys);
    return () => window.removeEventListener("keydown", keys);
  }, []);

  function jump(d: Diagnostic) {
    const [section, name] = d.path;
    const known = typeof name === "string" && (section === "resources" || section === "cloudformationResources") && graph.nodes.some((n) => n.id === name);
    if (known && !doc.yamlPending && view !== "yaml") {
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
  }

  // A second click before the button re-renders disabled joins the running save instead of saving twice.
  const saveRun: FlightSlot<void> = useRef(null);
  const save = (baseNumber = state.baseNumber, current: EditorDoc = doc) => singleFlight(saveRun, () => runSave(baseNumber, current));

  async function runSave(baseNumber: number, current: EditorDoc) {
    setSaving(true);
    setSaveError(null);
    setNotice(null);
    try {
      const r = await saveRevision({ orgSlug, stackId, baseNumber, yaml: current.yaml, code: savedCode(current, state.saved.code), canvasPositions: savedPositions(current), message: message.trim() || undefined });
      if (r.ok) {
        dispatch({ type: "saved", number: r.data.number, doc: current });
        setMessage("");
        setNotice(`Saved revision ${r.data.number}.`);
      } else if (r.status === 409 && r.details?.latest) {
        setConflict(r.details.latest as RevisionConflict["latest"]);
      } else {
        setSaveError(r.error);
      }
    } catch {
      setSaveError("The save did not reach the server; your changes are still here. Try again.");
    } finally {
      setSaving(false);
    }
  }

  const mergeResult = useMemo(() => {
    if (!conflict) return null;
    const theirs = docFromYaml(conflict.yaml, conflict.code, conflict.canvasPositions);
    const definition = merge3(state.saved.definition, doc.definition, theirs.definition);
    const files = mergeCode(state.saved.code, doc.code, theirs.code);
    return { theirs, definition, files };
  }, [conflict, state.saved, doc]);

  function resolve(choice: ConflictChoice) {
    if (!conflict || !mergeResult) return;
    const { theirs, definition, files } = mergeResult;
    if (choice === "theirs") dispatch({ type: "rebase", number: conflict.number, saved: theirs, doc: theirs });
    if (choice === "mine") dispatch({ type: "rebase", number: conflict.number, saved: theirs, doc });
    if (choice === "merge" && definition.ok && files.ok) {
      dispatch({ type: "rebase", number: conflict.number, saved: theirs, doc: { ...withDefinition(doc, definition.merged), code: files.merged } });
    }
    setNotice(
      choice === "theirs"
        ? `Loaded revision ${conflict.number}.`
        : `Now based on revision ${conflict.number}: review ${choice === "merge" ? "the merged result" : "your version"} and save again.`,
    );
    setConflict(null);
  }

  const mergeProblem =
    mergeResult && !mergeResult.definition.ok
      ? `Both versions changed ${mergeResult.definition.conflicts.map((p) => p.join(".")).join(", ")}: choose one version, then redo the other change.`
      : mergeResult && !mergeResult.files.ok
        ? `Both versions changed the code of ${mergeResult.files.conflicts.map((p) => p.join(".")).join(", ")}.`
        : undefined;

  return (
    <div className="relative left-1/2 flex w-[calc(100vw-2rem)] -translate-x-1/2 flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-2">
        <div role="tablist" aria-label="Editor views" className="flex gap-1">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={view === v.id}
              aria-controls="editor-view"
              className={`rounded-md px-3 py-1.5 text-sm ${view === v.id ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
              onClick={() => setView(v.id)}
            >
              {v.label}
            </button>
          ))}
        </div>
        <Button variant="secondary" onClick={() => dispatch({ type: "undo" })} disabled={state.history.past.length === 0} aria-keyshortcuts="Control+Z">
          Undo
        </Button>
        <Button variant="secondary" onClick={() => dispatch({ type: "redo" })} disabled={state.history.future.length === 0} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </Button>
        <div className="ml-auto flex flex-col gap-1">
          <label htmlFor="revision-message" className="text-xs font-medium text-slate-700">
            Revision message (optional)
          </label>
          <input
            id="revision-message"
            className="w-64 rounded-md border border-slate-300 px-2 py-1 text-sm"
            value={message}
            maxLength={500}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
        <Button onClick={() => save()} disabled={!canEdit || saving || errors.length > 0 || doc.yamlPending || !dirty} aria-describedby="save-status">
          {saving ? "Saving…" : "Save"}
        </Button>
        <p id="save-status" role="status" className="w-full text-xs text-slate-600 lg:w-auto">
          {!canEdit
            ? "Your role can view this stack but not save it."
            : errors.length
              ? `Fix ${errors.length} error${errors.length === 1 ? "" : "s"} to save (see Diagnostics).`
              : dirty
                ? `Unsaved changes (based on revision ${state.baseNumber}).`
                : (notice ?? `Revision ${state.baseNumber}, no unsaved changes.`)}
        </p>
      </div>
      {saveError ? <ErrorText message={saveError} /> : null}
      {notice && dirty ? <p className="text-sm text-slate-700">{notice}</p> : null}

      <div className="grid grid-cols-1 gap-3 lg:grid-cols-[13rem_minmax(0,1fr)_24rem]">
        <aside aria-label="Palette and resources" className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-2">
          <section aria-labelledby="palette-title" className="flex flex-col gap-1">
            <h2 id="palette-title" className="text-sm font-semibold">
              Add
            </h2>
            {PALETTE.map((item) => (
              <Button
                key={item.kind}
                variant="secondary"
                className="justify-start"
                disabled={locked}
                onClick={() => {
                  const r = addResource(doc.definition, doc.code, item);
                  edit((d) => ({ ...withDefinition(d, r.definition), code: r.code }), undefined, r.name);
                }}
              >
                + {item.label}
              </Button>
            ))}
          </section>
          <section aria-labelledby="resources-title" className="flex flex-col gap-1">
            <h2 id="resources-title" className="text-sm font-semibold">
              Resources ({graph.nodes.length})
            </h2>
            <ul className="flex max-h-64 flex-col gap-0.5 overflow-auto">
              {graph.nodes.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    aria-pressed={state.selected === n.id}
                    className={`w-full truncate rounded px-2 py-0.5 text-left font-mono text-xs ${state.selected === n.id ? "bg-indigo-100 text-indigo-900" : "hover:bg-slate-100"}`}
                    onClick={() => dispatch({ type: "select", name: n.id })}
                  >
                    {n.id} <span className="text-slate-600">{kindLabel(n.kind)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <ConnectForm nodes={graph.nodes.map((n) => n.id)} disabled={locked} onConnect={(s, t) => doConnect(s, t)} />
        </aside>

        <div id="editor-view" role="tabpanel" aria-label={`${VIEWS.find((v) => v.id === view)!.label} view`} className="h-[34rem] rounded-lg border border-slate-200 bg-white p-1">
          {view === "canvas" ? (
            <div className="flex h-full flex-col">
              <div className="flex items-center gap-2 px-1 pb-1">
                <Button
                  variant="secondary"
                  disabled={locked || !placedByHand}
                  title="Lay out every node automatically again"
                  onClick={() => edit((d) => ({ ...d, positions: {} }))}
                >
                  Re-arrange
                </Button>
                {canvasProblem ? (
                  <p role="alert" className="text-xs text-red-700">
                    {canvasProblem}
                  </p>
                ) : null}
              </div>
              <div className="min-h-0 flex-1" inert={locked}>
                <Canvas
                  definition={doc.definition}
                  selected={state.selected}
                  positions={doc.positions}
                  onMove={(moved) => edit((d) => ({ ...d, positions: movePositions(d.positions, moved) }), `move:${Object.keys(moved).join(",")}`)}
                  failing={failing}
                  onSelect={(name) => dispatch({ type: "select", name })}
                  onConnect={doConnect}
                  onRemoveEdge={(ref) => edit((d) => withDefinition(d, removeEdge(d.definition, ref)))}
                  onRemoveNode={remove}
                />
              </div>
            </div>
          ) : view === "code" ? (
            <CodeView
              definition={doc.definition}
              code={doc.code}
              fn={codeFn}
              onSelect={setCodeFn}
              onChange={(file, source) => edit((d) => withCode(d, file, source), `code:${file}`)}
            />
          ) : (
            <YamlView
              yaml={doc.yaml}
              pending={doc.yamlPending}
              onChange={(text) => edit((d) => withYaml(d, text), "yaml")}
              gotoLine={goto.line}
              gotoToken={goto.token}
            />
          )}
        </div>

        <aside aria-label="Inspector" className="h-[34rem] overflow-auto rounded-lg border border-slate-200 bg-white p-3">
          {doc.yamlPending ? <p className="mb-2 text-xs text-amber-800">The YAML has errors: fix them in the YAML view to edit here again.</p> : null}
          <fieldset disabled={locked} className="min-w-0">
            <legend className="sr-only">Resource settings</legend>
            <Inspector
              definition={doc.definition}
              selected={state.selected}
              diagnostics={analysis.diagnostics}
              resources={resources}
              readOnly={locked}
              onChange={onField}
              onRemove={remove}
              onRename={(from, to) =>
                edit((d) => ({ ...withDefinition(d, renameResource(d.definition, from, to)), positions: renamePosition(d.positions, from, to) }), undefined, to)
              }
              onOpenCode={(name) => {
                setCodeFn(name);
                setView("code");
              }}
            />
          </fieldset>
        </aside>
      </div>

      {previewError ? <ErrorText message={`Preview: ${previewError}`} /> : null}
      <PreviewPanel
        preview={preview}
        diagnostics={diagnostics}
        updating={updating}
        onJump={jump}
        extraTabs={[
          {
            id: "cost",
            label: "Cost",
            content: <CostTab definition={doc.yamlPending ? null : doc.definition} saved={state.saved.definition} savedNumber={state.baseNumber} unsaved={dirty} settings={cost} />,
          },
        ]}
      />

      {conflict ? <ConflictDialog conflict={conflict} base={{ number: state.baseNumber, yaml: state.saved.yaml }} mine={doc.yaml} mergeProblem={mergeProblem} onChoose={resolve} onClose={() => setConflict(null)} /> : null}
    </div>
  );

  function doConnect(source: string, target: string, choice?: string) {
    const r = connect(doc.definition, source, target, choice);
    if (!r.ok) return setCanvasProblem(r.reason);
    setCanvasProblem(null);
    edit((d) => withDefinition(d, r.definition), undefined, target);
  }
}

/** Keyboard way to draw an edge: pick both ends. */
function ConnectForm({ nodes, disabled, onConnect }: { nodes: string[]; disabled: boolean; onConnect: (source: string, target: string) => void }) {
  const [source, setSource] = useState("");
  const [target, setTarget] = useState("");
  return (
    <fieldset className="flex flex-col gap-1" disabled={disabled}>
      <legend className="text-sm font-semibold">Connect</legend>
      <label htmlFor="connect-source" className="text-xs font-medium">
        From
      </label>
      <select id="connect-source" className="rounded-md border border-slate-300 px-1 py-0.5 text-xs" value={source} onChange={(e) => setSource(e.target.value)}>
        <option value="">Choose…</option>
        {nodes.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <label htmlFor="connect-target" className="text-xs font-medium">
        To
      </label>
      <select id="connect-target" className="rounded-md border border-slate-300 px-1 py-0.5 text-xs" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">Choose…</option>
        {nodes.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <Button variant="secondary" disabled={!source || !target} onClick={() => onConnect(source, target)}>
        Connect
      </Button>
    </fieldset>
  );
}
