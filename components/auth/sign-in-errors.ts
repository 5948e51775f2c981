// What each sign-in failure (next-auth's `error` codes and our own) means to the person signing in.
export const SIGN_IN_ERRORS: Record<string, string> = {
  DomainNotAllowed: "Your email domain is not allowed by that organization's single sign-on.",
  NoEmail: "Your identity provider did not share an email address; ask your administrator to release the email claim.",
  SsoRequired: "Your organization requires signing in through its single sign-on: use “Continue with SSO” with your work email.",
  OAuthCallback: "The identity provider's answer could not be verified. Try again.",
  OAuthSignin: "Could not reach the identity provider. Try again, or ask your administrator to check the SSO settings.",
  AccessDenied: "Access was denied.",
  SessionRequired: "Sign in to continue.",
  CredentialsSignin: "Enter a valid email address.",
};

export function signInErrorMessage(code: string): string {
  return SIGN_IN_ERRORS[code] ?? "Sign-in failed. Try again.";
}
