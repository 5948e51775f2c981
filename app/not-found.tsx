import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 p-6 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-600">This page does not exist, or you do not have access to it.</p>
      <Link className="text-indigo-700 underline" href="/">
        Go to your organizations
      </Link>
    </main>
  );
}
