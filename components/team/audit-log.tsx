"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { AuditRow } from "@/server/audit/queries";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { ScrollX } from "@/components/ui/scroll-x";

interface Page {
  items: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
}

const PAGE_SIZE = 25;

async function fetchAudit(orgSlug: string, page: number, actor: string, action: string): Promise<Page> {
  const q = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (actor) q.set("actor", actor);
  if (action) q.set("action", action);
  const res = await fetch(`/api/orgs/${orgSlug}/audit?${q}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `The audit log could not be loaded (HTTP ${res.status}).`);
  return body;
}

function summary(v: unknown): string {
  return v === null || v === undefined ? "" : JSON.stringify(v);
}

export function AuditLog({ orgSlug, actions }: { orgSlug: string; actions: string[] }) {
  const [page, setPage] = useState(1);
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const query = useQuery({
    queryKey: ["audit", orgSlug, page, actor, action],
    queryFn: () => fetchAudit(orgSlug, page, actor, action),
    placeholderData: keepPreviousData,
  });
  const pages = query.data ? Math.max(1, Math.ceil(query.data.total / PAGE_SIZE)) : 1;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3" role="search" aria-label="Filter audit events">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Actor</span>
          <input
            className="rounded-md border border-slate-300 px-2 py-1"
            placeholder="email contains…"
            value={actor}
            onChange={(e) => (setActor(e.target.value), setPage(1))}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium text-slate-700">Action</span>
          <select className="rounded-md border border-slate-300 bg-white px-2 py-1" value={action} onChange={(e) => (setAction(e.target.value), setPage(1))}>
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <div className="ml-auto flex items-end gap-2 text-sm">
          {(["csv", "json"] as const).map((format) => (
            <a
              key={format}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50"
              href={`/api/orgs/${orgSlug}/audit/export?${new URLSearchParams({ format, ...(actor ? { actor } : {}), ...(action ? { action } : {}) })}`}
            >
              Export {format.toUpperCase()}
            </a>
          ))}
        </div>
      </div>
      {query.isError ? <ErrorText message={query.error.message} /> : null}
      {query.isPending ? (
        <p role="status">Loading audit events…</p>
      ) : (
        <ScrollX>
          <table className="w-full rounded-lg border border-slate-200 bg-white text-sm" aria-busy={query.isFetching}>
            <thead className="bg-slate-100 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Time (UTC)</th>
                <th scope="col" className="px-3 py-2">Actor</th>
                <th scope="col" className="px-3 py-2">Action</th>
                <th scope="col" className="px-3 py-2">Target</th>
                <th scope="col" className="px-3 py-2">Change</th>
              </tr>
            </thead>
            <tbody>
              {query.data?.items.length === 0 ? (
                <tr>
                  <td colSpan={5} className="px-3 py-6 text-center text-slate-600">No audit events match.</td>
                </tr>
              ) : (
                query.data?.items.map((e) => (
                  <tr key={e.id} className="border-t border-slate-200 align-top">
                    <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{e.at.slice(0, 19).replace("T", " ")}</td>
                    <td className="px-3 py-2">
                      {e.actorEmail}
                      {e.apiTokenId ? <span className="block text-xs text-slate-500">via API token {e.apiTokenId}</span> : null}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                    <td className="px-3 py-2 text-xs">
                      {e.targetType}
                      {e.targetId ? <span className="block text-slate-500">{e.targetId}</span> : null}
                    </td>
                    <td className="max-w-md px-3 py-2 font-mono text-xs break-all">
                      {e.before ? <div className="text-red-700">− {summary(e.before)}</div> : null}
                      {e.after ? <div className="text-green-700">+ {summary(e.after)}</div> : null}
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </ScrollX>
      )}
      <nav aria-label="Audit pages" className="flex items-center gap-3 text-sm">
        <Button variant="secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
          Previous
        </Button>
        <span>
          Page {page} of {pages}
          {query.data ? ` · ${query.data.total} events` : ""}
        </span>
        <Button variant="secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
          Next
        </Button>
      </nav>
    </div>
  );
}
