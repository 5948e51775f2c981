export default function Loading() {
  return (
    <main role="status" aria-live="polite" className="flex min-h-screen items-center justify-center text-slate-600">
      Loading…
    </main>
  );
}
