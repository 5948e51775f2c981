"use client";
import { useState } from "react";
import { Button } from "./button";

/** Copies a value to the clipboard and says whether it worked (the value also stays selectable on the page). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <Button type="button" variant="ghost" className="px-2 py-0.5 text-xs" aria-label={label} onClick={copy}>
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : "Copy"}
    </Button>
  );
}
