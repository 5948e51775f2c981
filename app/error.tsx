"use client";

export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main role="alert" className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">{error.digest ? `Reference ${error.digest}.` : "An unexpected error occurred."}</p>
      <button className="rounded-md border px-3 py-1.5" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
