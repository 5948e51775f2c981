import { useRef, type FormEvent } from "react";

type Busy = { current: boolean };
type SubmitEvent = Pick<FormEvent, "preventDefault">;

/**
 * Runs a form's submit unless a previous one is still running. `disabled={mutation.isPending}`
 * is not enough: TanStack Query notifies observers on a later tick, so a double-click submits
 * twice before the button re-renders disabled (two tokens, two restores, or an "already exists"
 * error right after a success).
 */
export async function submitOnce(busy: Busy, submit: () => Promise<unknown>, e: SubmitEvent): Promise<void> {
  // Also for an ignored submit: otherwise the browser would post the form itself.
  e.preventDefault();
  if (busy.current) return;
  busy.current = true;
  try {
    await submit();
  } finally {
    busy.current = false;
  }
}

/** A form's onSubmit handler that ignores submits while one is in flight (see submitOnce). */
export function useSubmitOnce(submit: () => Promise<unknown>) {
  const busy = useRef(false);
  return (e: SubmitEvent) => submitOnce(busy, submit, e);
}
