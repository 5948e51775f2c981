"use client";
import { startTransition, useEffect, useState } from "react";

/**
 * `value` once it has stayed the same for `ms` (the latest value typed, after typing pauses), and
 * `initial` until then; what it updates renders as an interruptible transition.
 */
export function useSettled<T, I>(value: T, ms: number, initial: I): T | I {
  const [settled, setSettled] = useState<T | I>(initial);
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setSettled(value)), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
