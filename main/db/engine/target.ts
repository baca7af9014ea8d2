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
