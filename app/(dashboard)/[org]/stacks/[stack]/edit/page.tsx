import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/server/db/client";
import { requireMembership } from "@/server/auth/guard";
import { can } from "@/lib/auth/permissions";
import { editorRevision } from "@/server/stacks/queries";
import { costSettings } from "@/server/cost/settings";
import { revisionDefinition } from "@/server/stacks/revision-reads";
import { ClientStackEditor } from "@/components/stack-editor/client-editor";
import { percentDecoded } from "@/server/http/percent-decode";

type Params = { params: Promise<{ org: string; stack: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Edit ${percentDecoded((await params).stack)}` };
}

export default async function EditStackPage({ params }: Params) {
  const { org: slug, stack: name } = await params;
  const { org, role } = await requireMembership(slug);
  const loaded = await editorRevision(db(), org.id, percentDecoded(name));
  if (!loaded) notFound();
  const { id } = loaded.revision;
  const definition = id === null ? null : await revisionDefinition({ ...loaded.revision, id }, org.id);
  const { region, usage, freeTier } = await costSettings(db(), loaded.stackId, definition);
  return (
    <ClientStackEditor
      orgSlug={org.slug}
      stackId={loaded.stackId}
      revision={loaded.revision}
      canEdit={can(role, "stack:update")}
      cost={{ region, usage, freeTier }}
    />
  );
}
