"use client";
import Link from "next/link";
import { adoptDrift } from "@/server/actions/drift/adopt-drift";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

/** Saves the previewed adoption as the stack's next revision. */
export function AdoptButton({ orgSlug, checkId, picks, baseNumber, base }: { orgSlug: string; checkId: string; picks: string[]; baseNumber: number; base: string }) {
  const adopt = useServerAction(adoptDrift);
  const saved = adopt.data?.ok ? adopt.data.data : null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button disabled={adopt.isPending || saved !== null} onClick={() => adopt.mutate({ orgSlug, checkId, picks, baseNumber })}>
        Save as revision {baseNumber + 1}
      </Button>
      {saved ? (
        <Link className="text-sm text-indigo-700 hover:underline" href={`${base}/deployments`}>
          Revision {saved.number} saved: deploy it
        </Link>
      ) : null}
      <ErrorText message={failureOf(adopt.data)?.error} />
    </div>
  );
}
