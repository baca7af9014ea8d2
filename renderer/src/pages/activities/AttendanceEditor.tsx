import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DeleteRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityDetail, AttendanceStatus } from '../../../../shared/domain/activities.js';
import { ApiError, invoke } from '../../api/client.js';
import { useNotify } from '../../components/useNotify.js';
import { PersonSearch } from '../fairs/PersonSearch.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  item: {
    display: 'grid',
    gridTemplateColumns: '28px 1fr 160px 32px',
    alignItems: 'center',
    padding: '4px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    ':focus': { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  },
  present: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  refused: { boxShadow: `inset 3px 0 0 ${tokens.colorPaletteRedBorder2}` },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface Row {
  participantId: number;
  name: string;
  status: AttendanceStatus;
}

/**
 * Bulk attendance: one row per person, arrow keys move, Space toggles anwesend, E/U mark entschuldigt /
 * unentschuldigt; everything is saved with one call, so 30 people take a few keystrokes.
 */
export function AttendanceEditor({ activity, onSaved }: { activity: ActivityDetail; onSaved: (a: ActivityDetail) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('activities');
  const notify = useNotify();
  const [rows, setRows] = useState<Row[]>(activity.attendance);
  const [removed, setRemoved] = useState<number[]>([]);
  const [focus, setFocus] = useState(0);
  const [busy, setBusy] = useState(false);
  // people the server refused because no enrollment covers the session's date: marked until the next save
  const [refused, setRefused] = useState<{ ids: Set<number>; message: string } | null>(null);
  const refs = useRef<(HTMLLIElement | null)[]>([]);
  const original = useMemo(() => new Map(activity.attendance.map((a) => [a.participantId, a.status])), [activity]);
  const dirty = removed.length > 0 || rows.some((r) => original.get(r.participantId) !== r.status);

  const setStatus = (i: number, status: AttendanceStatus) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, status } : r)));
  const move = (i: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, i));
    setFocus(next);
    refs.current[next]?.focus();
  };

  async function save() {
    setBusy(true);
    try {
      const changed = rows.filter((r) => original.get(r.participantId) !== r.status);
      const saved = await invoke('activities.saveAttendance', {
        activityId: activity.id,
        entries: changed.map((r) => ({ participantId: r.participantId, status: r.status })),
        remove: removed,
      });
      setRows(saved.attendance);
      setRemoved([]);
      setRefused(null);
      notify.success(t('attendance.saved', { present: saved.counts.anwesend, total: saved.counts.total }));
      onSaved(saved);
    } catch (err) {
      const ids = err instanceof ApiError ? err.error.details?.participantIds : undefined;
      if (Array.isArray(ids)) setRefused({ ids: new Set(ids.filter((x): x is number => typeof x === 'number')), message: (err as ApiError).message });
      else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  const search = useCallback((query: string) => invoke('activities.searchPeople', { activityId: activity.id, query, limit: 8 }), [activity.id]);
  const present = rows.filter((r) => r.status === 'anwesend').length;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <PersonSearch
        testId="attendance-add"
        label={t('attendance.add')}
        placeholder={t('attendance.addPlaceholder')}
        search={search}
        describe={(m) => (m.registered || rows.some((r) => r.participantId === m.participantId) ? t('attendance.onList') : '')}
        onPick={async (m) => {
          if (rows.some((r) => r.participantId === m.participantId)) return;
          setRemoved((xs) => xs.filter((x) => x !== m.participantId));
          setRows((rs) => [...rs, { participantId: m.participantId, name: m.name, status: 'angemeldet' }]);
        }}
      />
      <div className={styles.bar}>
        <Text weight="semibold" data-testid="attendance-count">
          {t('attendance.count', { present, total: rows.length })}
        </Text>
        <Button icon={<CheckmarkRegular />} onClick={() => setRows((rs) => rs.map((r) => ({ ...r, status: 'anwesend' })))}>
          {t('attendance.allPresent')}
        </Button>
        <Button appearance="primary" disabled={!dirty || busy} onClick={() => void save()}>
          {t('attendance.save')}
        </Button>
        <Text className={styles.hint}>{t('attendance.keys')}</Text>
      </div>
      {refused && (
        <MessageBar intent="error" data-testid="attendance-refused">
          <MessageBarBody>
            {refused.message}: {rows.filter((r) => refused.ids.has(r.participantId)).map((r) => r.name).join('; ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {rows.length === 0 ? (
        <Text>{t('attendance.empty')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('attendance.list')}>
          {rows.map((r, i) => (
            <li
              key={r.participantId}
              ref={(el) => {
                refs.current[i] = el;
              }}
              role="checkbox"
              aria-checked={r.status === 'anwesend'}
              aria-label={`${r.name}: ${t(`status.${r.status}`)}`}
              tabIndex={i === focus ? 0 : -1}
              data-testid="attendance-row"
              className={`${styles.item} ${r.status === 'anwesend' ? styles.present : ''} ${refused?.ids.has(r.participantId) ? styles.refused : ''}`}
              onFocus={() => setFocus(i)}
              onClick={() => setStatus(i, r.status === 'anwesend' ? 'angemeldet' : 'anwesend')}
              onKeyDown={(e) => {
                const key = e.key.toLowerCase();
                if (e.key === 'ArrowDown') move(i + 1);
                else if (e.key === 'ArrowUp') move(i - 1);
                else if (e.key === 'Home') move(0);
                else if (e.key === 'End') move(rows.length - 1);
                else if (e.key === ' ') setStatus(i, r.status === 'anwesend' ? 'angemeldet' : 'anwesend');
                else if (key === 'e') setStatus(i, 'entschuldigt');
                else if (key === 'u') setStatus(i, 'unentschuldigt');
                else if (key === 'a') setStatus(i, 'angemeldet');
                else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
                else return;
                e.preventDefault();
              }}
            >
              <span aria-hidden>{r.status === 'anwesend' ? '✔' : ''}</span>
              <span>{r.name}</span>
              <span>{t(`status.${r.status}`)}</span>
              <Button
                size="small"
                appearance="subtle"
                tabIndex={-1}
                icon={<DeleteRegular />}
                aria-label={`${t('common:actions.remove')}: ${r.name}`}
                onClick={(e) => {
                  e.stopPropagation();
                  setRows((rs) => rs.filter((x) => x.participantId !== r.participantId));
                  if (original.has(r.participantId)) setRemoved((xs) => [...xs, r.participantId]);
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
