"use client";
import dynamic from "next/dynamic";

/** CodeMirror is a large module: it loads when a view that needs it first opens, not with the page. */
export const LazyCodeMirror = dynamic(() => import("./code-mirror"), {
  ssr: false,
  loading: () => <p className="p-2 text-sm text-slate-500">Loading the editor…</p>,
});
