"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/server/actions/define-action";

/** Runs a server action as a mutation and refreshes the server-rendered page when it succeeds. */
export function useServerAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  return useMutation({
    mutationFn: action,
    onSuccess: (r) => {
      if (r.ok) router.refresh();
    },
  });
}

export function failureOf<T>(r: ActionResult<T> | undefined) {
  return r && !r.ok ? r : null;
}
