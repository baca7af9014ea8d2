import { daysBetween } from '../domain/dates.js';
/**
 * Plan against actual per position of a financing plan, with the tolerance of the ANBest-P (Nr. 1.2 of the
 * Allgemeine Nebenbestimmungen für Zuwendungen zur Projektförderung): a single position may exceed its plan by up
 * to 20 % where other positions save the same amount. Integers (cents) only; 20 % exactly is still inside.
 */

export const toleranceRule = 'ANBest-P Nr. 1.2';
export const tolerancePercent = 20;

export type PositionStatus =
  /** at or below plan */
  | 'im_plan'
  /** above plan by at most 20 %, and other positions save at least as much */
  | 'in_toleranz'
  /** above plan by more than 20 % (or spent on a position without a plan) */
  | 'ueber_toleranz'
  /** above plan by at most 20 %, but the savings of the other positions do not cover the overruns */
  | 'nicht_ausgeglichen';

export interface PlanActual {
  key: string;
  plannedCents: number;
  actualCents: number;
}

export interface PositionCheck extends PlanActual {
  differenceCents: number;
  /** actual as a share of planned (1 = 100 %); null without a plan */
  share: number | null;
  status: PositionStatus;
}

/** Overrun within the 20 % of the plan, compared in integers: overrun × 100 ≤ planned × 20. */
export function withinTolerance(plannedCents: number, actualCents: number): boolean {
  const overrun = actualCents - plannedCents;
  if (overrun <= 0) return true;
  return plannedCents > 0 && overrun * 100 <= plannedCents * tolerancePercent;
}

/** Checks every position against its plan and the tolerance rule. */
export function checkPositions(positions: PlanActual[]): PositionCheck[] {
  const savings = positions.reduce((s, p) => s + Math.max(0, p.plannedCents - p.actualCents), 0);
  const overruns = positions.reduce((s, p) => s + Math.max(0, p.actualCents - p.plannedCents), 0);
  const covered = overruns <= savings;
  return positions.map((p) => {
    const differenceCents = p.actualCents - p.plannedCents;
    let status: PositionStatus = 'im_plan';
    if (differenceCents > 0) {
      if (!withinTolerance(p.plannedCents, p.actualCents)) status = 'ueber_toleranz';
      else status = covered ? 'in_toleranz' : 'nicht_ausgeglichen';
    }
    return { ...p, differenceCents, share: p.plannedCents === 0 ? null : p.actualCents / p.plannedCents, status };
  });
}

/** German text of a status, naming the rule where it is broken. */
export function statusText(status: PositionStatus): string {
  switch (status) {
    case 'im_plan':
      return 'im Plan';
    case 'in_toleranz':
      return `überschritten, innerhalb ${tolerancePercent} % (${toleranceRule}), durch Einsparungen ausgeglichen`;
    case 'ueber_toleranz':
      return `mehr als ${tolerancePercent} % überschritten – nicht zulässig nach ${toleranceRule}`;
    case 'nicht_ausgeglichen':
      return `überschritten, nicht durch Einsparungen anderer Positionen ausgeglichen (${toleranceRule})`;
  }
}

/** Days from a to b inclusive (ISO dates). */
export function daysInclusive(a: string, b: string): number {
  return daysBetween(a, b) + 1;
}

/**
 * What a position will have spent at the end of the period if spending goes on at its rate so far: spent ÷ days
 * elapsed × days of the period, in whole cents. Before the period starts nothing is forecast; after it, the
 * forecast is what was spent.
 */
export function forecastCents(spentCents: number, from: string, to: string, asOf: string): number {
  if (asOf < from) return spentCents;
  if (asOf >= to) return spentCents;
  const elapsed = daysInclusive(from, asOf);
  const total = daysInclusive(from, to);
  return Math.round((spentCents * total) / elapsed);
}
