"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { appendLines, emptyTailBuffer, pauseTail, resumeTail, type TailBuffer } from "@/lib/logs/tail-buffer";
import type { LogLine } from "@/lib/logs/types";

/** Lines kept in the browser: beyond this the oldest are dropped (and counted) rather than freezing the tab. */
export const TAIL_CAPACITY = 100_000;

export interface TailStatus {
  mode: "connecting" | "live" | "polling";
  reason?: string;
  /** The raw text behind `reason` and `ended`, for the "Details" toggle. */
  reasonDetails?: string;
  session?: string;
  ended?: string;
  endedDetails?: string;
}

/**
 * One EventSource (and so one upstream StartLiveTail session) while `url` is set; closing it (tab
 * closed, tail turned off) ends the session. Lines are applied once per animation frame.
 */
export function useLiveTail(url: string | null) {
  const [buffer, setBuffer] = useState<TailBuffer>(emptyTailBuffer);
  const [status, setStatus] = useState<TailStatus>({ mode: "connecting" });
  const incoming = useRef<LogLine[]>([]);
  const frame = useRef<number | null>(null);
  const [tailing, setTailing] = useState(url);
  if (tailing !== url) {
    // A new tail (or none) starts from an empty buffer.
    setTailing(url);
    setBuffer(emptyTailBuffer());
    setStatus({ mode: "connecting" });
  }

  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    const flush = () => {
      frame.current = null;
      const batch = incoming.current;
      incoming.current = [];
      setBuffer((b) => appendLines(b, batch, TAIL_CAPACITY));
    };
    source.addEventListener("lines", (e) => {
      const msg = JSON.parse((e as MessageEvent<string>).data) as { lines: LogLine[] };
      incoming.current.push(...msg.lines);
      frame.current ??= requestAnimationFrame(flush);
    });
    source.addEventListener("mode", (e) => {
      const msg = JSON.parse((e as MessageEvent<string>).data) as { mode: "live" | "polling"; reason?: string; details?: string };
      setStatus((s) => ({ ...s, mode: msg.mode, reason: msg.reason, reasonDetails: msg.details }));
    });
    source.addEventListener("session", (e) => {
      const msg = JSON.parse((e as MessageEvent<string>).data) as { state: string; detail?: string; details?: string };
      if (msg.state === "ended") {
        setStatus((s) => ({ ...s, ended: msg.detail ?? "The live tail ended.", endedDetails: msg.details }));
        source.close();
      } else setStatus((s) => ({ ...s, session: msg.state === "reconnecting" ? `Reconnecting: ${msg.detail ?? ""}` : undefined }));
    });
    source.addEventListener("error", () => {
      // EventSource reconnects by itself; a closed source (HTTP error) does not.
      if (source.readyState === EventSource.CLOSED) setStatus((s) => ({ ...s, ended: "The live tail connection was refused." }));
    });
    return () => {
      source.close();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
      incoming.current = [];
    };
  }, [url]);

  const pause = useCallback(() => setBuffer(pauseTail), []);
  const resume = useCallback(() => setBuffer((b) => resumeTail(b, TAIL_CAPACITY)), []);
  return { buffer, status, pause, resume };
}
