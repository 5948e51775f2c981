"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ErrorText } from "@/components/ui/alert";
import { startOAuthSignIn } from "./oauth-sign-in";
import { retryAtOf, signInErrorMessage } from "./sign-in-errors";

export function SignInForm({
  defaultProvider,
  devLogin,
  callbackUrl,
}: {
  defaultProvider: { id: string; name: string } | null;
  devLogin: boolean;
  callbackUrl: string;
}) {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function continueWithSso(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const res = await fetch(`/api/auth/sso-discovery?email=${encodeURIComponent(email)}`);
      const body = await res.json();
      if (!res.ok) return setError(body.error ?? "Could not look up single sign-on for this email.");
      if (!body.providerId) return setError(`No organization has single sign-on set up for ${email.split("@")[1]}.`);
      await startOAuthSignIn(body.providerId, callbackUrl);
    } finally {
      setBusy(false);
    }
  }

  async function devSignIn(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const res = await signIn("dev", { email, callbackUrl, redirect: false });
    if (res?.error) setError(signInErrorMessage(res.error, retryAtOf(res.url)));
    else if (res?.url) window.location.href = res.url;
  }

  return (
    <div className="flex flex-col gap-5">
      <form onSubmit={continueWithSso} className="flex flex-col gap-3" aria-label="Sign in with your company">
        <Field label="Work email" type="email" name="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Button type="submit" disabled={busy}>
          Continue with SSO
        </Button>
      </form>
      <ErrorText message={error} />
      {defaultProvider ? (
        <Button variant="secondary" onClick={() => void startOAuthSignIn(defaultProvider.id, callbackUrl)}>
          Sign in with {defaultProvider.name}
        </Button>
      ) : null}
      {devLogin ? (
        <form onSubmit={devSignIn} className="flex flex-col gap-2 rounded-md border border-dashed border-amber-400 bg-amber-50 p-3" aria-label="Development sign-in">
          <p className="text-xs text-amber-800">Development sign-in (AUTH_DEV_LOGIN=1): any email, no password.</p>
          <Button type="submit" variant="secondary">
            Development sign-in
          </Button>
        </form>
      ) : null}
    </div>
  );
}
