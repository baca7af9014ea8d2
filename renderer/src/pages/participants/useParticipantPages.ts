import { useCallback, useEffect, useRef, useState } from 'react';
import type { ParticipantListInput, ParticipantListRow } from '../../../../shared/domain/participants.js';
import { invoke } from '../../api/client.js';

export const PAGE_SIZE = 100;

type Query = Omit<ParticipantListInput, 'limit' | 'offset'>;

/**
 * Loads the registry page by page as rows scroll into view: only the pages the virtualiser asks for are
 * fetched, so jumping to the end of 100,000 people costs one request, not a thousand.
 *
 * When the query changes (the user types), the rows and count of the last answer stay on screen with `loading` set
 * until the first page of the new query arrives, and the requests of the old query are cancelled, so an outdated
 * answer can neither blank the list nor overwrite a newer one.
 */
export function useParticipantPages(query: Query) {
  const key = JSON.stringify(query);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [, setVersion] = useState(0);
  // the pages on screen and the query they answer; replaced only when the new query's first page is there
  const shown = useRef({ key: '', pages: new Map<number, ParticipantListRow[]>() });
  const inFlight = useRef(new Map<number, AbortController>());

  const request = useCallback(
    (page: number) => {
      if (inFlight.current.has(page)) return;
      const controller = new AbortController();
      inFlight.current.set(page, controller);
      const q = JSON.parse(key) as Query;
      invoke('participants.list', { ...q, limit: PAGE_SIZE, offset: page * PAGE_SIZE }, { signal: controller.signal }).then(
        (res) => {
          if (controller.signal.aborted) return;
          inFlight.current.delete(page);
          if (shown.current.key !== key) shown.current = { key, pages: new Map() };
          shown.current.pages.set(page, res.rows);
          setTotal(res.total);
          setError(undefined);
          setLoading(false);
          setVersion((v) => v + 1);
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          inFlight.current.delete(page);
          setError(err);
          setLoading(false);
        },
      );
    },
    [key],
  );

  useEffect(() => {
    const flights = inFlight.current;
    setLoading(true);
    request(0);
    return () => {
      for (const c of flights.values()) c.abort();
      flights.clear();
    };
  }, [request]);

  /** The row at an absolute index, or undefined while its page is loading (which this call starts). */
  const rowAt = useCallback(
    (index: number): ParticipantListRow | undefined => {
      const page = Math.floor(index / PAGE_SIZE);
      const rows = shown.current.pages.get(page);
      if (rows) return rows[index % PAGE_SIZE];
      // the rows of an older query stay until the new first page arrives; only the current query's pages are fetched
      if (shown.current.key === key) request(page);
      return undefined;
    },
    [key, request],
  );

  // the query the rows and count on screen answer (not the one being typed), for wording the count
  const shownQuery = shown.current.key === '' ? null : (JSON.parse(shown.current.key) as Query);
  return { total, shownQuery, error, loading, rowAt };
}
