"use client";
import { useMemo } from "react";
import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { previewStack } from "@/server/actions/stacks/preview-stack";
import type { CodeMap, EditorDoc } from "./model/doc";
import { useSettled } from "./use-settled";

const DEBOUNCE_MS = 400;

/**
 * The server's rendering of the current edit, fetched after typing pauses (and not before the editor
 * has been open that long: the first render has the canvas to draw). The query is keyed by
 * what it renders, so an answer for an older edit never shows as the current one, and going back
 * to an edit (undo) shows its rendering at once.
 */
export function usePreview(orgSlug: string, stackId: string, doc: EditorDoc, code: CodeMap) {
  // The document, not its text: a form edit's YAML is written only once typing has paused (model/doc.ts).
  const input = useMemo(() => ({ doc, code }), [doc, code]);
  const settled = useSettled(input, DEBOUNCE_MS, null);
  const yaml = settled?.doc.yaml;
  const query = useQuery({
    queryKey: ["stack-preview", orgSlug, stackId, yaml, settled?.code],
    queryFn:
      settled === null
        ? skipToken
        : async () => {
            const r = await previewStack({ orgSlug, stackId, yaml: settled.doc.yaml, code: settled.code });
            if (!r.ok) throw new PreviewRefused(r.error);
            return r.data;
          },
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  return {
    preview: query.data ?? null,
    error: query.error ? previewFailure(query.error) : null,
    updating: settled !== input || query.isFetching || query.isPlaceholderData,
  };
}

/** The action answered with a problem (its message is for the person). */
class PreviewRefused extends Error {}

/** A refusal says why; anything else thrown is the request not getting through. */
function previewFailure(error: Error): string {
  return error instanceof PreviewRefused ? error.message : "The preview could not be loaded; check your connection.";
}
