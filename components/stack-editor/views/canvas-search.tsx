"use client";
import { useState } from "react";

/** Finds resources by name: each Enter shows the next match (the canvas selects it and pans to it). */
export function CanvasSearch({ names, onFound }: { names: readonly string[]; onFound: (name: string) => void }) {
  const [query, setQuery] = useState("");
  const [next, setNext] = useState(0);
  const q = query.trim().toLowerCase();
  const matches = q ? names.filter((n) => n.toLowerCase().includes(q)) : [];
  return (
    <form
      role="search"
      aria-label="Find a resource on the canvas"
      className="flex items-center gap-1 rounded-md border border-slate-300 bg-white p-1 text-xs shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (!matches.length) return;
        onFound(matches[next % matches.length]);
        setNext((i) => (i + 1) % matches.length);
      }}
    >
      <input
        type="search"
        aria-label="Find a resource"
        placeholder="Find a resource"
        className="w-36 rounded border border-slate-200 px-1 py-0.5"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setNext(0);
        }}
      />
      <span role="status" className="min-w-16 text-slate-700">
        {q ? (matches.length ? `${matches.length} found` : "none found") : ""}
      </span>
    </form>
  );
}
