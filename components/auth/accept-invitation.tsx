"use client";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { acceptInvitation } from "@/server/actions/invitations/accept-invitation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";

type Mode = "accept-signed-in" | "accept-and-sign-in" | "wrong-account" | "sso-required";

export function AcceptInvitation({ token, orgSlug, mode, ssoProviderId }: { token: string; orgSlug: string; mode: Mode; ssoProviderId: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const destination = `/${orgSlug}/stacks`;

  async function run(fn: () => Promise<string | null>) {
    setBusy(true);
    setError(null);
    const problem = await fn().finally(() => setBusy(false));
    if (problem) setError(problem);
  }

  if (mode === "wrong-account") {
    return (
      <Button variant="secondary" onClick={() => signOut({ callbackUrl: `/invite/${token}` })}>
        Sign out, then accept
      </Button>
    );
  }
  if (mode === "sso-required") {
    return ssoProviderId ? (
      <Button onClick={() => signIn(ssoProviderId, { callbackUrl: `/invite/${token}` })}>Sign in with SSO</Button>
    ) : (
      <ErrorText message="This organization requires single sign-on, but its connection is missing. Ask an administrator." />
    );
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
              if (r?.error) return r.error;
            }
            router.push(destination);
            return null;
          })
        }
      >
        {mode === "accept-signed-in" ? "Accept invitation" : "Accept and sign in"}
      </Button>
      <ErrorText message={error} />
    </div>
  );
}
