type Org = { slug: string; name: string };

const key = (name: string) => name.trim().toLowerCase();

/**
 * The switcher's text for each organization: its name, and its slug too when another organization
 * has the same name (ignoring case), since two identical "Acme" entries cannot be told apart.
 */
export function orgLabels(orgs: Org[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const o of orgs) count.set(key(o.name), (count.get(key(o.name)) ?? 0) + 1);
  return new Map(orgs.map((o) => [o.slug, count.get(key(o.name))! > 1 ? `${o.name} (${o.slug})` : o.name]));
}
