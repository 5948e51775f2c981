import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { ActionError } from "@/server/auth/errors";
import { can } from "@/lib/auth/permissions";
import { findStackByName } from "@/server/stacks/queries";
import { prepareAdoption } from "@/server/drift/adoption";
import { AdoptButton } from "@/components/drift/adopt-button";
import { RevisionDiffView } from "@/components/revisions/revision-diff-view";
import { percentDecoded } from "@/server/http/percent-decode";

type Props = { params: Promise<{ org: string; stack: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Adopt live values" };

const querySchema = z.object({
  check: z.string().min(1).max(100),
  pick: z.union([z.string().max(300), z.array(z.string().max(300)).max(100)]).transform((v) => (Array.isArray(v) ? v : [v])),
});

/** The revision an adoption would save, as a revision diff, before anything is saved. */
export default async function AdoptPage({ params, searchParams }: Props) {
  const { org: slug, stack: encodedName } = await params;
  const { org, role } = await requireMembership(slug);
  if (!can(role, "drift:adopt")) notFound();
  const stack = await findStackByName(db(), org.id, percentDecoded(encodedName));
  if (!stack) notFound();
  const base = `/${org.slug}/stacks/${encodeURIComponent(stack.name)}`;
  const query = querySchema.safeParse(await searchParams);
  if (!query.success) {
    return <p className="text-sm text-red-800">Choose at least one drift to adopt on the <Link className="underline" href={`${base}/drift`}>drift page</Link>.</p>;
  }
  let adoption;
  try {
    adoption = await prepareAdoption(db(), org.id, { checkId: query.data.check, picks: query.data.pick, revealEnvironment: can(role, "deploy:start") });
  } catch (error) {
    if (error instanceof ActionError && error.status !== 500) return <p className="text-sm text-red-800">{error.message}</p>;
    throw error;
  }
  if (adoption.stack.id !== stack.id) notFound();
  return (
    <section aria-labelledby="adopt-heading" className="flex flex-col gap-3">
      <h2 id="adopt-heading" className="text-lg font-semibold">
        Adopt live values of stage {adoption.stageName}
      </h2>
      <p className="text-sm text-slate-700">
        Revision {adoption.base.number + 1} would take what runs: {adoption.adopted.join(", ")}. Nothing is saved until you save it.
      </p>
      <AdoptButton orgSlug={org.slug} checkId={query.data.check} picks={query.data.pick} baseNumber={adoption.base.number} base={base} />
      <RevisionDiffView diff={adoption.diff} />
    </section>
  );
}
