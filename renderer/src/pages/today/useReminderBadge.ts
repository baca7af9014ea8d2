import { useEffect, useState } from 'react';
import { invoke } from '../../api/client.js';
import { remindersChanged } from './settleLink.js';

/**
 * The count on Heute's navigation item: asked again when the page changes (a document saved elsewhere may settle
 * a reminder) and when Heute announces a decision. A failed count shows no badge rather than an error.
 */
export function useReminderBadge(pathname: string): { total: number; overdue: number } | null {
  const [count, setCount] = useState<{ total: number; overdue: number } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    window.addEventListener(remindersChanged, bump);
    return () => window.removeEventListener(remindersChanged, bump);
  }, []);
  useEffect(() => {
    let live = true;
    invoke('reminders.count', {}).then(
      (c) => live && setCount(c),
      () => live && setCount(null),
    );
    return () => {
      live = false;
    };
  }, [pathname, tick]);
  return count;
}
