"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { rangeParams, type TimeRange } from "@/lib/logs/time-range";
import type { LogLine } from "@/lib/logs/types";
import { requestJson } from "@/lib/http/request-json";

/** A page of server/logs/filter-events.ts: lines newest first, each page older than the one before. */
export interface LogPageResponse {
  lines: LogLine[];
  cursor: string | null;
  missingLogGroups: string[];
  readFrom: number;
  /** The range being paged, as the server resolved it for the first page. */
  start: number;
  end: number;
}

export interface LogQueryKey {
  orgSlug: string;
  stageId: string;
  fn: string | null;
  range: TimeRange;
  filter: string;
}

/** Pages of lines, newest first; "load older" appends the next, older page. */
export function useLogPages(key: LogQueryKey, enabled: boolean) {
  const query = useInfiniteQuery({
    queryKey: ["logs", key],
    enabled,
    retry: false,
    // An absolute range's lines do not change; a relative one ("last hour") ends now, so coming
    // back to it reads it again instead of showing the window it covered the first time.
    staleTime: key.range.kind === "relative" ? 0 : Infinity,
    refetchOnWindowFocus: false,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const p = new URLSearchParams(rangeParams(key.range));
      if (key.fn) p.set("function", key.fn);
      if (key.filter) p.set("filter", key.filter);
      if (pageParam) p.set("cursor", pageParam);
      return requestJson<LogPageResponse>(`/api/orgs/${key.orgSlug}/stages/${key.stageId}/logs?${p}`, { signal });
    },
    getNextPageParam: (last) => last.cursor,
  });
  const lines = useMemo(() => (query.data?.pages ?? []).flatMap((p) => p.lines), [query.data]);
  const first = query.data?.pages[0];
  const missing = first?.missingLogGroups ?? [];
  const timeWindow = useMemo(() => (first ? { start: first.start, end: first.end } : null), [first]);
  return { query, lines, missing, timeWindow };
}
