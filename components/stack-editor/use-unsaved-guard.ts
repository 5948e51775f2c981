"use client";
import { useEffect } from "react";

export const UNSAVED_MESSAGE = "You have unsaved changes in the editor. Leave and lose them?";

/** How many mounted editors hold unsaved changes: navigation that no link or history entry carries (the organization switcher) asks here. */
let unsavedEditors = 0;

/** True when the person may leave: nothing is unsaved, or they confirmed losing it. */
export function confirmLeavingUnsaved(): boolean {
  return unsavedEditors === 0 || window.confirm(UNSAVED_MESSAGE);
}

const GUARD = "lambdaplaneUnsavedGuard";

/**
 * Warns before the tab closes or reloads, before an in-app link navigates away, and before Back
 * leaves, while there are unsaved changes. For Back, a second history entry for the same URL is
 * pushed while there are changes: Back then lands on the first one, where the guard asks, and
 * either pushes the entry again (stay) or goes back once more (leave). Forward has nowhere to go
 * from the pushed entry, so it cannot leave either. After a save the extra entry stays (going back
 * from it shows the same page): taking it off would be a history move the guard itself must not
 * mistake for the person's.
 */
export function useUnsavedGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    unsavedEditors++;
    let leaving = false;
    const beforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = UNSAVED_MESSAGE;
    };
    // Capture phase on the document runs before Next's <Link> handler, so a declined navigation never starts.
    const click = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!link || link.target === "_blank" || link.hasAttribute("download")) return;
      if (new URL(link.href, location.href).href === location.href) return;
      if (!window.confirm(UNSAVED_MESSAGE)) {
        e.preventDefault();
        e.stopPropagation();
      } else {
        leaving = true;
      }
    };
    const pushGuard = () => window.history.pushState({ ...window.history.state, [GUARD]: true }, "", window.location.href);
    if (!window.history.state?.[GUARD]) pushGuard();
    // A capture listener on window runs before Next's router sees the popstate; stopping it keeps
    // the router on this page while the person decides.
    const popstate = (e: PopStateEvent) => {
      if (leaving) return;
      e.stopImmediatePropagation();
      if (window.confirm(UNSAVED_MESSAGE)) {
        leaving = true;
        window.history.back();
      } else {
        pushGuard();
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("popstate", popstate, true);
    document.addEventListener("click", click, true);
    return () => {
      unsavedEditors--;
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("popstate", popstate, true);
      document.removeEventListener("click", click, true);
    };
  }, [dirty]);
}
