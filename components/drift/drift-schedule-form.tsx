"use client";
import { useState } from "react";
import { setDriftSchedule } from "@/server/actions/drift/set-drift-schedule";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/alert";
import { failureOf, useServerAction } from "@/components/ui/use-server-action";

const CHOICES = [
  { label: "Off", hours: null },
  { label: "Hourly", hours: 1 },
  { label: "Every 6 hours", hours: 6 },
  { label: "Daily", hours: 24 },
  { label: "Weekly", hours: 168 },
] as const;

/** Admins and owners: how often the schedule checks the stage (off possible). */
export function DriftScheduleForm({ orgSlug, stageId, intervalHours }: { orgSlug: string; stageId: string; intervalHours: number | null }) {
  const save = useServerAction(setDriftSchedule);
  const [value, setValue] = useState(String(intervalHours ?? "off"));
  const known = CHOICES.some((c) => String(c.hours ?? "off") === value);
  return (
    <form
      className="flex flex-wrap items-center gap-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ orgSlug, stageId, intervalHours: value === "off" ? null : Number(value) });
      }}
    >
      <label className="flex items-center gap-2">
        Scheduled checks
        <select className="rounded border border-slate-300 px-2 py-1" value={value} onChange={(e) => setValue(e.target.value)}>
          {CHOICES.map((c) => (
            <option key={c.label} value={String(c.hours ?? "off")}>
              {c.label}
            </option>
          ))}
          {known ? null : <option value={value}>Every {value} hours</option>}
        </select>
      </label>
      <Button type="submit" variant="secondary" disabled={save.isPending}>
        Save
      </Button>
      <ErrorText message={failureOf(save.data)?.error} />
    </form>
  );
}
