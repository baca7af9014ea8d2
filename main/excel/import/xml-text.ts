/** The few XML text operations Lotse's own spreadsheet readers (.xlsx, .ods) share: entities, attributes, names. */

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five named entities and numeric character references (OpenDocument has no escapes beyond these). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return named[name]!;
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** XML entities, then OOXML's _xHHHH_ escapes (Excel writes a line break inside a cell as _x000D_). */
export function decodeXml(s: string): string {
  s = decodeEntities(s);
  if (s.includes('_x')) s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return s;
}

/** The value of one attribute in a start tag, either quote style, after any whitespace (tabs and line breaks too). */
export function attr(tag: string, name: string): string | null {
  for (let at = tag.indexOf(`${name}=`); at >= 0; at = tag.indexOf(`${name}=`, at + 1)) {
    const before = tag.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    const q = tag[at + name.length + 1];
    if (q !== '"' && q !== "'") return null;
    const end = tag.indexOf(q, at + name.length + 2);
    return end < 0 ? null : tag.slice(at + name.length + 2, end);
  }
  return null;
}

export const isNameEnd = (ch: string | undefined) => ch === ' ' || ch === '>' || ch === '/' || ch === '\t' || ch === '\n' || ch === '\r';

/** The element name that starts at `from` (after a '<'), up to whitespace, '/' or '>'. */
export function nameAt(el: string, from: number, gt: number): string {
  let i = from;
  while (i < gt && !isNameEnd(el[i])) i++;
  return el.slice(from, i);
}
