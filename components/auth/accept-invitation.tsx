"use client";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptInvitation } from "@/server/actions/invitations/accept-invitation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { startOAuthSignIn } from "./oauth-sign-in";
import { retryAtOf, signInErrorMessage } from "./sign-in-errors";

/**
 * How the person in front of the link can accept it: signed in as the invited email (accept),
 * signed in as someone else (sign out), the organization requires SSO (sign in with it), the
 * invited email has an account (sign in the usual way first: a link never signs into an existing
 * account), or it has none (the invitation creates it).
 */
export type AcceptMode = "accept-signed-in" | "wrong-account" | "sso-required" | "sign-in-first" | "create-account";

export function AcceptInvitation({ token, orgSlug, mode, ssoProviderId }: { token: string; orgSlug: string; mode: AcceptMode; ssoProviderId: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const destination = `/${orgSlug}/stacks`;
  const here = `/invite/${token}`;

  async function run(fn: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    const problem = await fn().finally(() => setBusy(false));
    if (problem) setError(problem);
  }

  if (mode === "wrong-account") {
    return (
      <Button variant="secondary" onClick={() => signOut({ callbackUrl: here })}>
        Sign out, then accept
      </Button>
    );
  }
  if (mode === "sso-required") {
    return ssoProviderId ? (
      <Button onClick={() => void startOAuthSignIn(ssoProviderId, here)}>Sign in with SSO</Button>
    ) : (
      <ErrorText message="This organization requires single sign-on, but its connection is missing. Ask an administrator." />
    );
  }
  if (mode === "sign-in-first") {
    return <Button onClick={() => router.push(`/signin?callbackUrl=${encodeURIComponent(here)}`)}>Sign in to accept</Button>;
  }
  return (
    <div className="flex flex-col gap-3">
      <Button
        disabled={busy}
        onClick={() =>
          run(async () => {
            if (mode === "accept-signed-in") {
              const r = await acceptInvitation({ token });
              if (!r.ok) return r.error;
            } else {
              const r = await signIn("invitation", { token, redirect: false });
              // Our own refusals come back as their message; a rate limit as its code.
              if (r?.error) return r.error === "RateLimited" ? signInErrorMessage(r.error, retryAtOf(r.url)) : r.error;
            }
            router.push(destination);
            return null;
          })
        }
      >
        {mode === "accept-signed-in" ? "Accept invitation" : "Create account and join"}
      </Button>
      <ErrorText message={error} />
    </div>
  );
}
