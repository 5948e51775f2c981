// Small inline SVG icons for canvas nodes: drawn here, not taken from a font, so every browser shows
// them (headless Chromium's fonts lack "⏵") and no icon CDN is needed. Decorative: the text beside
// each says the same.
import type { ReactNode } from "react";
import type { NodeKind } from "../model/graph";

function Svg({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="12"
      height="12"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      {children}
    </svg>
  );
}

/** The bullet of a node's note (a trigger with no source node on the canvas). */
export function NoteBullet() {
  return (
    <Svg className="inline-block shrink-0 text-slate-500">
      <path d="M6 4l4 4-4 4" fill="currentColor" />
    </Svg>
  );
}

const KIND_PATHS: Record<NodeKind, ReactNode> = {
  function: <path d="M4 2.5h2.5L12 13.5M8.2 7.2L4 13.5" />,
  "edge-lambda-function": (
    <>
      <circle cx="8" cy="8" r="5.5" />
      <path d="M2.5 8h11M8 2.5c2 2.2 2 8.8 0 11M8 2.5c-2 2.2-2 8.8 0 11" />
    </>
  ),
  "http-api-gateway": <path d="M5.5 4L2 8l3.5 4M10.5 4L14 8l-3.5 4M9 3l-2 10" />,
  bucket: <path d="M2.5 4h11l-1.5 9.5h-8zM2.5 4c0-1 2.5-1.5 5.5-1.5S13.5 3 13.5 4" />,
  "event-bus": <path d="M2 5h12M2 11h12M5 5v6M11 5v6" />,
  "user-auth-pool": (
    <>
      <circle cx="8" cy="5.5" r="2.5" />
      <path d="M3 13.5c0-2.8 2.2-4.5 5-4.5s5 1.7 5 4.5" />
    </>
  ),
  "dynamo-db-table": (
    <>
      <ellipse cx="8" cy="4" rx="5" ry="1.8" />
      <path d="M3 4v8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V4M3 8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8" />
    </>
  ),
  "application-load-balancer": <path d="M2 8h4M6 8l6-4.5M6 8h6M6 8l6 4.5" />,
  queue: <path d="M2 5h12v6H2zM6 5v6M10 5v6" />,
  topic: <path d="M3 6.5v3h2l4 3v-9l-4 3zM11.5 6a3 3 0 010 4" />,
  stream: <path d="M2 5c2-1.5 4 1.5 6 0s4 1.5 6 0M2 8c2-1.5 4 1.5 6 0s4 1.5 6 0M2 11c2-1.5 4 1.5 6 0s4 1.5 6 0" />,
};

/** An icon per kind of node, beside the kind's name. */
export function KindIcon({ kind }: { kind: NodeKind }) {
  return <Svg className="inline-block shrink-0">{KIND_PATHS[kind]}</Svg>;
}
