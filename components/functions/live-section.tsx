import type { ReactNode } from "react";
import type { Section } from "@/lib/functions/types";
import { DetailsToggle, ErrorText } from "@/components/ui/alert";

/** One section of the function page: its content, or why it could not be read (others still show). */
export function LiveSection<T>({ id, title, section, children }: { id: string; title: string; section: Section<T> | undefined; children: (value: T) => ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={id} className="text-base font-semibold">
        {title}
      </h3>
      {section === undefined ? (
        <p className="text-sm text-slate-600">Loading…</p>
      ) : section.ok ? (
        children(section.value)
      ) : section.unavailable ? (
        <div className="flex flex-col gap-1">
          <p className="text-sm text-slate-600">{section.message}</p>
          <DetailsToggle details={section.details} />
        </div>
      ) : (
        <ErrorText message={section.message} details={section.details} />
      )}
    </section>
  );
}

/** Label and value pairs. */
export function Facts({ label, rows }: { label: string; rows: [string, ReactNode][] }) {
  return (
    <dl aria-label={label} className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600">{term}</dt>
          <dd className="break-all">{value ?? <span className="text-slate-500">none</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CappedNote({ capped, what }: { capped: boolean; what: string }) {
  return capped ? <p className="text-xs text-slate-600">Showing the first {what}; there are more in AWS.</p> : null;
}
