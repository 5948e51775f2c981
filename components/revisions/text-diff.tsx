import type { TextDiff } from "@/lib/text-diff";

const LINE_STYLE: Record<string, string> = {
  "+": "bg-emerald-50 text-emerald-900",
  "-": "bg-rose-50 text-rose-900",
  " ": "text-slate-700",
};

/** A unified diff: hunks of changed lines with three lines of context, "+" newer and "-" older. */
export function TextDiffView({ diff, label }: { diff: TextDiff; label: string }) {
  if (!diff.ok) return <p className="text-sm text-slate-600">{diff.problem}</p>;
  if (diff.hunks.length === 0) return <p className="text-sm text-slate-600">No differences.</p>;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">
        {diff.added} line{diff.added === 1 ? "" : "s"} added, {diff.removed} removed
      </p>
      <pre aria-label={label} tabIndex={0} className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-white py-2 font-mono text-xs">
        {diff.hunks.map((h) => (
          <code key={`${h.oldStart}:${h.newStart}`} className="block">
            <span className="block bg-slate-100 px-3 text-slate-600">{`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`}</span>
            {h.lines.map((line, i) => (
              <span key={i} className={`block px-3 ${LINE_STYLE[line[0]] ?? LINE_STYLE[" "]}`}>
                {line || " "}
              </span>
            ))}
          </code>
        ))}
      </pre>
    </div>
  );
}
