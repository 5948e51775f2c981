"use client";
import { Button } from "@/components/ui/button";

export default function OrgError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4">
      <h2 className="font-semibold text-red-800">This page could not be loaded.</h2>
      <p className="mt-1 text-sm text-red-700">
        {error.digest ? `Reference ${error.digest}. ` : ""}Try again; if it keeps failing, the server log has the details.
      </p>
      <Button className="mt-3" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
