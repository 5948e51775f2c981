import { redirect } from "next/navigation";
import { db } from "@/server/db/client";
import { requireUser } from "@/server/auth/guard";
import { listMemberships } from "@/server/auth/membership";

export const dynamic = "force-dynamic";

export default async function Home() {
  const user = await requireUser();
  const [first] = await listMemberships(db(), user.id);
  redirect(first ? `/${first.org.slug}/stacks` : "/onboarding");
}
