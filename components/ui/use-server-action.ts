"use client";
import { useCallback, useRef } from "react";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/server/actions/define-action";
import { singleFlight, type FlightSlot } from "./single-flight";

/**
 * Runs a server action as a mutation and refreshes the server-rendered page when it succeeds.
 * A call made while one is still running joins it (see singleFlight), so no caller can run the
 * action twice from a double-click. `refresh: false` is for a result shown inside what the refresh
 * would remove: the caller refreshes once the person is done with it.
 */
export function useServerAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, { refresh = true }: { refresh?: boolean } = {}) {
  const router = useRouter();
  const running: FlightSlot<ActionResult<T>> = useRef(null);
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (r) => {
      if (r.ok && refresh) router.refresh();
    },
  });
  const { mutateAsync: start } = mutation;
  const mutateAsync = useCallback((input: I) => singleFlight(running, () => start(input)), [start]);
  // Like TanStack's mutate: fire and forget; a failure is in `error`.
  const mutate = useCallback((input: I) => void mutateAsync(input).catch(() => {}), [mutateAsync]);
  return { ...mutation, mutate, mutateAsync };
}

export function failureOf<T>(r: ActionResult<T> | undefined) {
  return r && !r.ok ? r : null;
}
