import { useCallback, useEffect, useState } from 'react';
import type { InputOf, OutputOf, ProcedureName } from '../../../shared/contract/index.js';
import { invoke } from '../api/client.js';

/**
 * Loads one procedure's result and reloads when the input changes (compared as JSON). With `enabled` false nothing
 * is asked yet (the input depends on another call's answer).
 */
export function useCall<N extends ProcedureName>(name: N, input: InputOf<N>, enabled = true) {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data?: OutputOf<N>; error?: unknown; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    invoke(name, JSON.parse(key) as InputOf<N>).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [name, key, tick, enabled]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
