import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantListInput, ParticipantListRow } from '../../../../shared/domain/participants.js';
import { invoke } from '../../api/client.js';

export const PAGE_SIZE = 100;

type Query = Omit<ParticipantListInput, 'limit' | 'offset'>;

/**
 * Loads the registry page by page as rows scroll into view: only the pages the virtualiser asks for are
 * fetched, so jumping to the end of 100,000 people costs one request, not a thousand.
 */
export function useParticipantPages(query: Query) {
  const key = JSON.stringify(query);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, ParticipantListRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      const q = JSON.parse(key) as Query;
      invoke('participants.list', { ...q, limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
        (res) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          pages.current.set(page, res.rows);
          setTotal(res.total);
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          pending.current.delete(page);
          setError(err);
        },
      );
    },
    [key],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setError(undefined);
    load(0);
  }, [load]);

  /** The row at an absolute index, or undefined while its page is loading (which this call starts). */
  const rowAt = useCallback(
    (index: number): ParticipantListRow | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const rows = pages.current.get(page);
      if (!rows) {
        load(page);
        return undefined;
      }
      return rows[index % PAGE_SIZE];
    },
    [load],
  );

  return { total, error, rowAt };
}
