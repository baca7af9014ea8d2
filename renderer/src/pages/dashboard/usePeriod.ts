import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ProgramSpan } from '../../../../shared/contract/dashboard.contract.js';
import type { Program } from '../../../../shared/domain/programs.js';
import { rememberProgram } from '../../components/programInView.js';
import { useCall } from '../../components/useCall.js';
import { todayIso } from '../../../../shared/domain/dates.js';

export interface Period {
  programId: number;
  from: string;
  to: string;
}

/**
 * The default period of a program: the whole program, from its start (or its first record, if earlier) until its
 * end or today when it has none (or its last record, if later), so no fair or outcome is hidden when the
 * Übersicht opens.
 */
export function defaultPeriod(p: Program, span: ProgramSpan = { from: null, to: null }, today = todayIso()): Period {
  const from = span.from && span.from < p.startDate ? span.from : p.startDate;
  const end = p.endDate ?? (today < p.startDate ? p.startDate : today);
  const to = span.to && span.to > end ? span.to : end;
  return { programId: p.id, from, to };
}

const iso = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Program and period live in the URL (?programId=&from=&to=), so a drill-down list is a real page: back returns
 * to the same dashboard, and a link can be bookmarked. Without from/to in the URL the program's default applies.
 */
export function usePeriod(programs: Program[] | undefined): [Period | null, (p: Period) => void] {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('programId'));
  const program = programs?.find((p) => p.id === id) ?? programs?.[0];
  // the span of program 0 never exists; the call only answers once the programs are known
  const span = useCall('dashboard.span', { programId: program?.id ?? 0 }, program !== undefined);
  const period = useMemo(() => {
    if (!program) return null;
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (iso.test(from) && iso.test(to)) return { programId: program.id, from, to };
    if (span.loading) return null;
    const d = defaultPeriod(program, span.data);
    return { programId: program.id, from: iso.test(from) ? from : d.from, to: iso.test(to) ? to : d.to };
  }, [program, params, span.loading, span.data]);
  const set = (p: Period) => {
    rememberProgram(p.programId);
    const next = new URLSearchParams(params);
    next.set('programId', String(p.programId));
    for (const k of ['from', 'to'] as const) {
      if (p[k]) next.set(k, p[k]);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return [period, set];
}
