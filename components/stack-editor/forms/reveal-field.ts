// Focusing a form control that may sit in a collapsed inspector section: the section opens first.

/** Dispatched on a collapsed section's root; the section opens synchronously (flushSync) before the focus. */
export const REVEAL_EVENT = "inspector-reveal";

/** Opens the collapsed section around `el`, if any, then focuses it (a diagnostic's jump to its field). */
export function revealField(el: HTMLElement) {
  el.closest("[data-collapsed=true]")?.dispatchEvent(new Event(REVEAL_EVENT));
  el.focus();
}
