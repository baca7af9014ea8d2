/**
 * Guards against the ways the `sqlite3` package silently corrupts or drops data.
 * - bigint parameters are bound as NULL, Date as a REAL of milliseconds: both are refused here.
 * - `run`/`all` execute only the first statement of a multi-statement string and ignore the rest: refused too;
 *   multi-statement SQL goes through an explicit `exec`.
 */
export class UnsafeSqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeSqlError';
  }
}

export function checkParameters(params: readonly unknown[]): void {
  params.forEach((p, i) => {
    const where = `Parameter ${i + 1}`;
    if (typeof p === 'bigint') {
      throw new UnsafeSqlError(`${where}: bigint would be stored as NULL by sqlite3; pass a safe number instead`);
    }
    if (p instanceof Date) {
      throw new UnsafeSqlError(`${where}: Date would be stored as a REAL of milliseconds; pass an ISO string`);
    }
    if (typeof p === 'number' && !Number.isFinite(p)) {
      throw new UnsafeSqlError(`${where}: ${p} is not a finite number`);
    }
    if (typeof p === 'number' && Number.isInteger(p) && !Number.isSafeInteger(p)) {
      throw new UnsafeSqlError(`${where}: ${p} is beyond the safe integer range`);
    }
    if (p === undefined) {
      throw new UnsafeSqlError(`${where}: undefined is not a value; use null`);
    }
    if (typeof p === 'object' && p !== null && !(p instanceof Uint8Array)) {
      throw new UnsafeSqlError(`${where}: objects and arrays are not bindable; serialise them (JSON) first`);
    }
  });
}

/**
 * Returns true if `sql` holds more than one statement. Scans past string literals, quoted identifiers and
 * comments so that a ';' inside them does not count.
 */
export function hasMultipleStatements(sql: string): boolean {
  // A trigger body holds ';' between BEGIN and END but is one statement; only text after its END counts.
  if (/^\s*create\s+(temp\s+|temporary\s+)?trigger\b/i.test(sql)) {
    const m = /\bend\b\s*;?/gi;
    let last = -1;
    for (let r = m.exec(sql); r; r = m.exec(sql)) last = r.index + r[0].length;
    return last !== -1 && sql.slice(last).trim() !== '';
  }
  let i = 0;
  const n = sql.length;
  let sawSemicolon = false;
  while (i < n) {
    const c = sql[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const close = sql.indexOf(c, i + 1);
      // doubled quotes are escapes; indexOf lands on the first and the loop continues after the second
      i = close === -1 ? n : close + 1;
      if (sawSemicolon) return true;
      continue;
    }
    if (c === '[') {
      const close = sql.indexOf(']', i + 1);
      i = close === -1 ? n : close + 1;
      if (sawSemicolon) return true;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl === -1 ? n : nl + 1;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (c === ';') {
      sawSemicolon = true;
      i++;
      continue;
    }
    if (sawSemicolon && !/\s/.test(c)) return true;
    i++;
  }
  return false;
}

/** SQL whose result rows we need (SELECT, RETURNING, PRAGMA ...) goes through `all`, the rest through `run`. */
export function returnsRows(sql: string): boolean {
  const head = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, '').slice(0, 10).toLowerCase();
  if (head.startsWith('select') || head.startsWith('pragma') || head.startsWith('values') || head.startsWith('explain')) {
    return true;
  }
  return /\breturning\b/i.test(sql) || (head.startsWith('with') && !/\b(insert|update|delete)\b/i.test(sql));
}
