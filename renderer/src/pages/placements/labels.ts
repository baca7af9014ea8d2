import type { TFunction } from 'i18next';
import { formatDate } from '../../components/format.js';

/** "November 2026" from "2026-11", in the UI language. */
export function monthLabel(t: TFunction, month: string): string {
  const names = t('placements:months', { returnObjects: true }) as string[];
  return `${names[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;
}

/** "01.09.2026 – 28.02.2027", or "seit 01.09.2026" while open. */
export function periodLabel(t: TFunction, start: string, end: string | null): string {
  return end ? `${formatDate(start)} – ${formatDate(end)}` : t('placements:since', { date: formatDate(start) });
}
