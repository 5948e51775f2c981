/**
 * An error in words, with the raw text behind it (an SDK's or the database's) folded under "Details".
 * The details sit outside the alert, so that what is announced and read first is the message alone.
 */
export function ErrorText({ message, details }: { message?: string | null; details?: string | null }) {
  if (!message) return null;
  const alert = (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
      {message}
    </p>
  );
  if (!details) return alert;
  return (
    <div className="flex flex-col gap-1">
      {alert}
      <DetailsToggle details={details} />
    </div>
  );
}

/** The raw text of an error (an SDK's, the database's), folded: for a bug report or an administrator, not the first read. */
export function DetailsToggle({ details }: { details?: string | null }) {
  if (!details) return null;
  return (
    <details className="text-xs text-slate-700">
      <summary className="cursor-pointer">Details</summary>
      <pre className="mt-1 whitespace-pre-wrap break-words rounded bg-slate-50 p-2">{details}</pre>
    </details>
  );
}
