// The line beside Save: why it is off, or what saving would do.

export function saveStatus({ canEdit, problems, errors, dirty, baseNumber, notice }: {
  canEdit: boolean;
  /** problemSummary of the diagnostics the panel lists, so both say the same. */
  problems: string;
  errors: number;
  dirty: boolean;
  baseNumber: number;
  /** What the last save or conflict choice did. */
  notice: string | null;
}): string {
  if (!canEdit) return "Your role can view this stack but not save it.";
  if (errors) return `Fix to save: ${problems} (see Diagnostics).`;
  if (dirty) return `Unsaved changes (based on revision ${baseNumber}).`;
  return notice ?? `Revision ${baseNumber}, no unsaved changes.`;
}
