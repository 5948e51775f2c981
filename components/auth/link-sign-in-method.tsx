"use client";
import { useState } from "react";
import { startIdentityLink } from "@/server/actions/account/start-identity-link";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { startOAuthSignIn } from "./oauth-sign-in";

/** Links another sign-in method: the session records the request, then the IdP's sign-in attaches it to this account. */
export function LinkSignInMethod({ providers }: { providers: { id: string; name: string }[] }) {
  const [error, setError] = useState<string | null>(null);
  if (providers.length === 0) return null;

  async function link(providerId: string) {
    setError(null);
    const r = await startIdentityLink({ providerId });
    if (!r.ok) return setError(r.error);
    await startOAuthSignIn(providerId, "/account");
  }

  return (
    <section aria-label="Link a sign-in method" className="flex flex-col gap-2">
      <h2 className="font-medium">Link a sign-in method</h2>
      <p className="text-sm text-slate-600">The identity provider must confirm this account&apos;s email address.</p>
      {providers.map((p) => (
        <Button key={p.id} variant="secondary" onClick={() => void link(p.id)}>
          Link {p.name}
        </Button>
      ))}
      <ErrorText message={error} />
    </section>
  );
}
