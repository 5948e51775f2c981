import type { RevisionEntry } from "@/server/stacks/revision-history";
import { RestoreRevisionButton } from "./restore-revision-button";
import { DeleteOlderRevisionsButton } from "./delete-older-revisions-button";
import { ScrollX } from "@/components/ui/scroll-x";

type Props = { orgSlug: string; stackId: string; revisions: RevisionEntry[]; mayRestore: boolean; mayDeleteHistory: boolean };

const time = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** Every revision, newest first: who saved it, when and why, with its downloads, a restore and deleting the older ones. */
export function RevisionHistory({ orgSlug, stackId, revisions, mayRestore, mayDeleteHistory }: Props) {
  const latest = revisions[0]?.number ?? 0;
  const oldest = revisions.at(-1)?.number ?? 0;
  const exportUrl = (n: number, part: "yaml" | "code") => `/api/orgs/${orgSlug}/stacks/${stackId}/export?part=${part}&revision=${n}`;
  const link = "text-indigo-700 hover:underline";
  return (
    <ScrollX>
      <table className="w-full overflow-hidden rounded-lg border border-slate-200 bg-white text-sm">
        <caption className="sr-only">Revision history</caption>
        <thead className="bg-slate-100 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Revision</th>
            <th scope="col" className="px-3 py-2">Message</th>
            <th scope="col" className="px-3 py-2">Author</th>
            <th scope="col" className="px-3 py-2">Saved</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Compare, downloads, restore and delete older</span></th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.number} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 text-left font-mono">
                #{r.number}
                {r.number === latest ? <span className="ml-2 font-sans text-xs font-normal text-slate-600">latest</span> : null}
              </th>
              <td className="px-3 py-2">{r.message ?? <em className="text-slate-600">no message</em>}</td>
              <td className="px-3 py-2">{r.authorEmail ?? <em className="text-slate-600">unknown</em>}</td>
              <td className="px-3 py-2 text-slate-600">
                <time dateTime={r.createdAt.toISOString()}>{time(r.createdAt)}</time>
              </td>
              <td className="flex flex-wrap items-center justify-end gap-3 px-3 py-2">
                {r.number !== latest ? (
                  <a className={link} href={`?from=${r.number}&to=${latest}`} aria-label={`Compare revision ${r.number} with the latest`}>
                    Compare
                  </a>
                ) : null}
                <a className={link} href={exportUrl(r.number, "yaml")} aria-label={`Download revision ${r.number} YAML`}>
                  YAML
                </a>
                <a className={link} href={exportUrl(r.number, "code")} aria-label={`Download revision ${r.number} code zip`}>
                  Code zip
                </a>
                {mayRestore && r.number !== latest ? <RestoreRevisionButton orgSlug={orgSlug} stackId={stackId} number={r.number} latest={latest} /> : null}
                {mayDeleteHistory && r.number !== oldest ? <DeleteOlderRevisionsButton orgSlug={orgSlug} stackId={stackId} number={r.number} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollX>
  );
}
