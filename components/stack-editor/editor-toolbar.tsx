"use client";
import { Button } from "@/components/ui/button";
import { TabList, type TabItem } from "./tab-list";

export type EditorView = "canvas" | "code" | "yaml";
export const EDITOR_VIEWS: readonly TabItem<EditorView>[] = [
  { id: "canvas", label: "Canvas" },
  { id: "code", label: "Code" },
  { id: "yaml", label: "YAML" },
];
export const EDITOR_PANEL_ID = "editor-view";
export const editorTabId = (view: EditorView) => `editor-tab-${view}`;

/** The view tabs, undo and redo, the revision message, Save and what saving would do now. */
export function EditorToolbar({ view, onView, canUndo, canRedo, onStep, message, onMessage, canSave, saving, onSave, status }: {
  view: EditorView;
  onView: (view: EditorView) => void;
  canUndo: boolean;
  canRedo: boolean;
  onStep: (direction: "undo" | "redo") => void;
  message: string;
  onMessage: (message: string) => void;
  canSave: boolean;
  saving: boolean;
  onSave: () => void;
  status: string;
}) {
  return (
    <div className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-2">
      <TabList
        label="Editor views"
        tabs={EDITOR_VIEWS}
        selected={view}
        onSelect={onView}
        tabId={editorTabId}
        panelId={() => EDITOR_PANEL_ID}
        className="flex gap-1"
        tabClassName={(selected) => `rounded-md px-3 py-1.5 text-sm ${selected ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
      />
      <Button variant="secondary" onClick={() => onStep("undo")} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </Button>
      <Button variant="secondary" onClick={() => onStep("redo")} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
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
          onChange={(e) => onMessage(e.target.value)}
        />
      </div>
      <Button onClick={onSave} disabled={!canSave || saving} aria-describedby="save-status">
        {saving ? "Saving…" : "Save"}
      </Button>
      <p id="save-status" role="status" className="w-full text-xs text-slate-600 lg:w-auto">
        {status}
      </p>
    </div>
  );
}
