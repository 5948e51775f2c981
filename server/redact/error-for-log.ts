// What the server logs about an unexpected error: never the error object as it is. Prisma's
// messages quote the failing call with its arguments (a webhook URL, a client secret, a whole
// definition), and other libraries put URLs with credentials in theirs. Pure.

const MAX_MESSAGE = 300;

// Secret shapes this application handles, replaced wherever they appear in a logged message.
const SECRET_PATTERNS: [RegExp, string][] = [
  // Before the key=value rule below, which would take "Bearer" for the value and leave the token.
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, "$1 [redacted]"],
  // AWS access key ids (long-term AKIA, temporary ASIA).
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, "$1[redacted]"],
  [/\blpt_[A-Za-z0-9_-]+/g, "lpt_[redacted]"],
  [/\bwhsec_[A-Za-z0-9_-]+/g, "whsec_[redacted]"],
  [/(https:\/\/hooks\.slack\.com\/services\/)[^\s"'`]+/g, "$1[redacted]"],
  // user:password@ in any URL (SMTP_URL, a database URL, a webhook with basic auth).
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:"'`]*:[^\s/@"'`]*@/gi, "$1[redacted]@"],
  // "clientSecret": "…", secretAccessKey=…, password: '…', token … in quoted or key=value form.
  [/\b([A-Za-z]*(?:secret|password|token|credential|authorization|apikey)[A-Za-z]*)(["']?\s*[:=]\s*)(["'`]?)[^\s"'`,}]+\3/gi, "$1$2$3[redacted]$3"],
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

/** Name, code and the first line of the message (redacted, bounded), and the stack's frames without its message. */
export function errorForLog(e: unknown): string {
  if (!(e instanceof Error)) return `non-error thrown (${typeof e})`;
  const code = (e as { code?: unknown }).code;
  const firstLine = e.message.split("\n").find((l) => l.trim()) ?? "";
  const message = redactSecrets(firstLine.trim()).slice(0, MAX_MESSAGE);
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 10);
  return [`${e.name}${typeof code === "string" ? ` ${code}` : ""}: ${message}`, ...frames].join("\n");
}
