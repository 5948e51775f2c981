"use client";
import dynamic from "next/dynamic";

/**
 * The editor renders in the browser only: server-rendering a large stack's canvas and then hydrating it
 * did the same work twice before the page answered (see bench/README.md, Editor load).
 */
export const ClientStackEditor = dynamic(() => import("./stack-editor").then((m) => m.StackEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-slate-600">Loading the editor…</p>,
});
