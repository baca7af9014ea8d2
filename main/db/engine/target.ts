/**
 * Where the data lives: a SQLite file path, or a PostgreSQL server named by a URL (team mode). The CLI's --db,
 * LOTSE_DB and the app's setting all take either.
 */
export function isServerUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target.trim());
}

/** The URL without its password, for messages, logs and the About box. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * The URL with a password put in (from the OS keychain). node-postgres lets a connection string's missing password
 * override a separately given one, so the password goes into the URL itself, encoded.
 */
export function withPassword(url: string, password: string | null | undefined): string {
  if (!password) return url;
  const u = new URL(url);
  u.password = encodeURIComponent(password);
  return u.toString();
}
