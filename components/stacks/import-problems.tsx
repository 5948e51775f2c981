import type { ImportProblem } from "@/server/stacks/import-zip";

/** Each problem with where it is: file, line and column, and the definition path. */
export function ImportProblems({ problems, label }: { problems: ImportProblem[]; label: string }) {
  if (problems.length === 0) return null;
  return (
    <ul aria-label={label} className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white p-3 text-sm">
      {problems.map((p, i) => (
        <li key={i} className={p.severity === "error" ? "text-red-700" : "text-amber-800"}>
          <span className="font-mono">
            {[p.file, p.line, p.column].filter((x) => x !== undefined).join(":")}
          </span>{" "}
          <strong>{p.severity}</strong>
          {p.path ? <span className="font-mono"> {p.path}</span> : null}: {p.message}
        </li>
      ))}
    </ul>
  );
}
