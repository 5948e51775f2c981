"use client";

const EXAMPLES: { pattern: string; meaning: string }[] = [
  { pattern: "ERROR", meaning: "lines containing the term ERROR (terms are case-sensitive)" },
  { pattern: "ERROR timeout", meaning: "lines containing both terms" },
  { pattern: '"Task timed out"', meaning: "an exact phrase (quote terms with spaces or punctuation)" },
  { pattern: "?ERROR ?WARN", meaning: "lines with either term (? marks alternatives)" },
  { pattern: "ERROR -healthcheck", meaning: "ERROR lines without healthcheck (- excludes a term)" },
  { pattern: '{ $.level = "error" }', meaning: "JSON lines whose level field is error" },
  { pattern: "{ $.durationMs > 1000 }", meaning: "JSON lines with a number field over 1000" },
];

/** CloudWatch filter-pattern syntax, with examples that fill the filter when chosen. */
export function FilterHelp({ onUse }: { onUse(pattern: string): void }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-indigo-700">Filter pattern help</summary>
      <p className="mt-1 text-slate-600">
        Patterns use CloudWatch Logs syntax and are evaluated by AWS. Leave the filter empty for every line.
      </p>
      <ul className="mt-1 flex flex-col gap-1">
        {EXAMPLES.map((e) => (
          <li key={e.pattern} className="flex flex-wrap items-baseline gap-2">
            <button type="button" className="rounded bg-slate-100 px-1 font-mono text-xs text-indigo-800 hover:bg-slate-200" onClick={() => onUse(e.pattern)}>
              {e.pattern}
            </button>
            <span className="text-slate-600">{e.meaning}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
