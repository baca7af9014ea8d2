/**
 * Name normalisation of the DOMAIN.md duplicate rule, shared by the participant form, the service and the
 * importer so all three agree on who is "the same person".
 * lower case, trimmed, inner whitespace collapsed, ä→ae ö→oe ü→ue ß→ss, other diacritics stripped,
 * hyphens and apostrophes kept ("Al-Hassan" is not "Al Hassan").
 */
export function normaliseName(value: string | null | undefined): string {
  if (!value) return '';
  // plain ASCII letters, digits, hyphens, apostrophes and single inner spaces (most names in a big list): only case
  if (/^[A-Za-z0-9'.-]+(?: [A-Za-z0-9'.-]+)*$/.test(value)) return value.toLowerCase();
  return value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/ẞ/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Key of (last name, first name, birth date); null when a part is missing (no match possible then). */
export function nameKey(lastName: string | null | undefined, firstName: string | null | undefined, birthDate: string | null | undefined): string | null {
  const last = normaliseName(lastName);
  const first = normaliseName(firstName);
  if (!last || !first || !birthDate) return null;
  return `${last}|${first}|${birthDate}`;
}

/** Case numbers match with spaces removed and case ignored; empty is no key. */
export function caseNumberKey(caseNumber: string | null | undefined): string | null {
  if (!caseNumber) return null;
  const key = caseNumber.replace(/\s+/g, '').toLowerCase();
  return key === '' ? null : key;
}

/**
 * Text the list search runs over: accent- and umlaut-insensitive in both spellings, so "Muller", "Mueller" and
 * "Müller" all find "Müller". Holds names and case number only.
 */
export function searchText(lastName: string | null | undefined, firstName: string | null | undefined, caseNumber: string | null | undefined): string {
  const parts = [lastName, firstName].filter((p): p is string => !!p);
  const variants = new Set<string>();
  for (const p of parts) {
    variants.add(normaliseName(p));
    variants.add(stripAccents(p));
  }
  const cn = caseNumberKey(caseNumber);
  if (cn) variants.add(cn);
  return [...variants].join(' ');
}

/** "Müller" → "muller": diacritics dropped without the German transliteration. */
export function stripAccents(value: string): string {
  // ASCII without ß, accents or runs of whitespace: only case (the common case in a big list)
  if (/^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/.test(value)) return value.toLowerCase();
  return value.toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();
}

/** What the user typed, normalised the same way, for `search_text LIKE %term%`. */
export function searchTerm(input: string): string {
  return stripAccents(input.replace(/ä/gi, 'ae').replace(/ö/gi, 'oe').replace(/ü/gi, 'ue')).trim();
}
