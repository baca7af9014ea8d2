import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Program } from '../../../../shared/domain/programs.js';
import { todayIso } from '../../../../shared/domain/common.js';

export interface Period {
  programId: number;
  from: string;
  to: string;
}

/** The default period of a program: its start until its end or today, whichever comes first. */
export function defaultPeriod(p: Program, today = todayIso()): Period {
  const end = p.endDate && p.endDate < today ? p.endDate : today;
  return { programId: p.id, from: p.startDate, to: end < p.startDate ? (p.endDate ?? p.startDate) : end };
}

const iso = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Program and period live in the URL (?programId=&from=&to=), so a drill-down list is a real page: back returns
 * to the same dashboard, and a link can be bookmarked.
 */
export function usePeriod(programs: Program[] | undefined): [Period | null, (p: Period) => void] {
  const [params, setParams] = useSearchParams();
  const period = useMemo(() => {
    if (!programs || programs.length === 0) return null;
    const id = Number(params.get('programId'));
    const program = programs.find((p) => p.id === id) ?? programs[0]!;
    const d = defaultPeriod(program);
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    return { programId: program.id, from: iso.test(from) ? from : d.from, to: iso.test(to) ? to : d.to };
  }, [programs, params]);
  const set = (p: Period) => {
    const next = new URLSearchParams(params);
    next.set('programId', String(p.programId));
    next.set('from', p.from);
    next.set('to', p.to);
    setParams(next, { replace: true });
  };
  return [period, set];
}
