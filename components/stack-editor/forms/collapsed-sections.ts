// Which inspector sections are open. A first visit opens only a resource's first section, so the column
// is short and the collapsed headers' summaries say where the settings are; what the person opens or
// collapses is kept by title in this browser, across resources and visits.

const KEY = "lambdaplane.inspector.collapsed";

type Store = Pick<Storage, "getItem" | "setItem">;

/** Title -> open, for the sections the person opened or collapsed; the rest follow the default. */
export type SectionChoices = ReadonlyMap<string, boolean>;

/**
 * The choices stored; none when nothing (or something unreadable) is stored. The key once held the
 * list of collapsed titles, when every section was open by default: such a list reads as no choices.
 */
export function loadChoices(store: Store): SectionChoices {
  try {
    const stored: unknown = JSON.parse(store.getItem(KEY) ?? "{}");
    if (stored === null || typeof stored !== "object" || Array.isArray(stored)) return new Map();
    return new Map(Object.entries(stored).filter((entry): entry is [string, boolean] => typeof entry[1] === "boolean"));
  } catch {
    return new Map();
  }
}

/** Stores the choices; where storage is full or blocked they last for this page only. */
export function saveChoices(store: Store, choices: SectionChoices) {
  try {
    store.setItem(KEY, JSON.stringify(Object.fromEntries(choices)));
  } catch {
    return;
  }
}

/** Whether the section is open: as the person left it, else open only when it is the resource's first. */
export const isOpen = (choices: SectionChoices, title: string, first: boolean): boolean => choices.get(title) ?? first;

/** `choices` with `title` open or collapsed; the same map when nothing changes. */
export function withChoice(choices: SectionChoices, title: string, open: boolean): SectionChoices {
  if (choices.get(title) === open) return choices;
  return new Map(choices).set(title, open);
}
