"use client";
import { useEffect, useRef, useState } from "react";
import { previewStack } from "@/server/actions/stacks/preview-stack";
import type { StackPreview } from "@/server/stacks/preview";
import type { CodeMap } from "./model/doc";

const DEBOUNCE_MS = 400;

/** The server's rendering of the current edit, fetched after typing pauses; stale answers are dropped. */
export function usePreview(orgSlug: string, stackId: string, yaml: string, code: CodeMap) {
  const [preview, setPreview] = useState<StackPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [updating, setUpdating] = useState(true);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      setUpdating(true);
      try {
        const r = await previewStack({ orgSlug, stackId, yaml, code });
        if (request !== latest.current) return;
        if (r.ok) {
          setPreview(r.data);
          setError(null);
        } else setError(r.error);
      } catch {
        if (request === latest.current) setError("The preview could not be loaded; check your connection.");
      } finally {
        if (request === latest.current) setUpdating(false);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [orgSlug, stackId, yaml, code]);
  return { preview, error, updating };
}
