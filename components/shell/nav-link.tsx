"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** A navigation link marked as the current page under its href (or only at it, with `exact`). */
export function NavLink({ href, children, exact = false }: { href: string; children: string; exact?: boolean }) {
  const pathname = usePathname();
  const active = exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`rounded-md px-2 py-1 text-sm ${active ? "bg-slate-200 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {children}
    </Link>
  );
}
