"use client";
import { startTransition, useEffect, useState } from "react";

/** `value` once it has stayed the same for `ms` (the latest value typed, after typing pauses); what it updates renders as an interruptible transition. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setSettled(value)), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
