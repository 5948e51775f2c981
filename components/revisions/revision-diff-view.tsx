import type { ReactNode } from "react";
import type { RevisionDiff } from "@/server/stacks/revision-diff";
import { CostDiffView } from "./cost-diff";
import { TextDiffView } from "./text-diff";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2">
      <h3 id={id} className="text-base font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

const list = (names: readonly string[]) => names.join(", ");

/** Revision A against revision B: monthly cost, YAML, handler code, the rendered template and the canvas layout. */
export function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const pair = `revision ${diff.from} → revision ${diff.to}`;
  return (
    <div className="flex flex-col gap-5">
      {diff.layoutOnly ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
          Only the canvas layout changed: the definition and the handler code are identical, and {list(diff.moved)} moved on the canvas.
        </p>
      ) : null}
      <Section id="diff-cost" title="Monthly cost">
        {diff.cost.ok ? <CostDiffView diff={diff.cost.diff} from={diff.from} to={diff.to} region={diff.region} /> : <p className="text-sm text-slate-600">{diff.cost.problem}</p>}
      </Section>
      <Section id="diff-yaml" title="YAML">
        <TextDiffView diff={diff.yaml} label={`YAML diff, ${pair}`} />
      </Section>
      <Section id="diff-code" title="Handler code">
        {diff.code.length === 0 ? (
          <p className="text-sm text-slate-600">No handler file changed.</p>
        ) : (
          diff.code.map((f) => (
            <div key={f.path} className="flex flex-col gap-1">
              <h4 className="font-mono text-sm">
                {f.path} <span className="font-sans text-slate-600">({f.change})</span>
              </h4>
              <TextDiffView diff={f.diff} label={`${f.path} diff, ${pair}`} />
            </div>
          ))
        )}
      </Section>
      <Section id="diff-template" title={`CloudFormation template (stage ${diff.stage}, ${diff.region})`}>
        <TextDiffView diff={diff.template} label={`Template diff, ${pair}`} />
      </Section>
      <Section id="diff-layout" title="Canvas layout">
        <p className="text-sm text-slate-600">{diff.moved.length ? `Moved on the canvas: ${list(diff.moved)}.` : "No node moved on the canvas."}</p>
      </Section>
    </div>
  );
}
