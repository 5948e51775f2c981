// What each sign-in failure (next-auth's `error` codes and our own) means to the person signing in.
export const SIGN_IN_ERRORS: Record<string, string> = {
  DomainNotAllowed: "Your email domain is not allowed by that organization's single sign-on.",
  NoEmail: "Your identity provider did not share an email address; ask your administrator to release the email claim.",
  EmailNotVerified:
    "Your identity provider did not confirm that your email address is verified (email_verified), so Lambdaplane cannot trust it. Verify the address with your identity provider or ask your administrator.",
  IdentityNotLinked:
    "An account with this email already exists, but this sign-in method is not linked to it. Sign in the way you usually do, then link this method under Account.",
  LinkEmailMismatch: "That sign-in is for a different email address than your account: only a sign-in method that verified your account's email can be linked.",
  IdentityLinkedElsewhere: "That sign-in method is already linked to another account.",
  UnknownProvider: "That sign-in method is not available.",
  SsoRequired: "Your organization requires signing in through its single sign-on: use “Continue with SSO” with your work email.",
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
  OAuthSignin: "Could not reach the identity provider. Try again, or ask your administrator to check the SSO settings.",
  AccessDenied: "Access was denied.",
  SessionRequired: "Sign in to continue.",
  CredentialsSignin: "Enter a valid email address.",
  RateLimited: "Too many sign-in attempts from your network.",
};

/** `retryAt` (epoch ms, from a rate-limited sign-in) adds when to try again; without it, to wait a minute (the windows are a minute). */
export function signInErrorMessage(code: string, retryAt?: number, now = Date.now()): string {
  const message = SIGN_IN_ERRORS[code] ?? "Sign-in failed. Try again.";
  if (code !== "RateLimited") return message;
  if (!retryAt || !Number.isFinite(retryAt)) return `${message} Wait a minute, then try again.`;
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  return `${message} Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
}

/** The `retryAt` a rate-limited sign-in puts in the sign-in page URL it answers with (next-auth's `signIn()` result `url`). */
export function retryAtOf(url: string | null | undefined): number | undefined {
  const value = Number(new URL(url ?? "/", "http://x").searchParams.get("retryAt"));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
