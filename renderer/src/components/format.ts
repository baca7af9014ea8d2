/** German display formats; storage stays ISO dates and integer cents. */
const dateFmt = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const euroFmt = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const numberFmt = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return dateFmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

export function formatEuro(cents: number): string {
  return euroFmt.format(cents / 100);
}

export function formatNumber(n: number): string {
  return numberFmt.format(n);
}

/** "0,80" or "0.80" → 80 cents; null if not a valid amount. */
export function parseEuroToCents(text: string): number | null {
  const t = text.trim().replace(/\s|€/g, '').replace(/\./g, (m, i: number, s: string) => (s.includes(',') ? '' : m)).replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  return Math.round(Number(t) * 100);
}
