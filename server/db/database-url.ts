// Pure helpers over PostgreSQL connection URLs (postgresql://user:pass@host:port/db?params).

/** The same server and credentials, another database. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The database a URL names; PostgreSQL defaults it to the user name. */
export function databaseName(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(url.username) || "postgres";
}

/** The URL with its password masked, for logs. */
export function redactPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** Double-quotes an identifier for SQL that cannot take it as a bind parameter (CREATE/DROP DATABASE). */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
