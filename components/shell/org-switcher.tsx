"use client";
import { useRouter } from "next/navigation";
import { confirmLeavingUnsaved } from "@/components/stack-editor/use-unsaved-guard";
import { orgLabels } from "./org-labels";

export function OrgSwitcher({ current, orgs }: { current: string; orgs: { slug: string; name: string }[] }) {
  const router = useRouter();
  const labels = orgLabels(orgs);
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Organization</span>
      <select
        aria-label="Organization"
        // A fixed width: a select is as wide as its longest option, and an 80-character organization name pushed the navigation onto its own row (and off a phone's screen).
        className="w-48 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={current}
        onChange={(e) => {
          // The select shows the choice at once; declining puts it back on the current organization.
          if (!confirmLeavingUnsaved()) return void (e.target.value = current);
          router.push(e.target.value === "__new" ? "/onboarding" : `/${e.target.value}/stacks`);
        }}
      >
        {orgs.map((o) => (
          <option key={o.slug} value={o.slug}>
            {labels.get(o.slug)}
          </option>
        ))}
        <option value="__new">+ New organization…</option>
      </select>
    </label>
  );
}
