import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoursEntry } from '../../../../shared/domain/placements.js';
import type { Program } from '../../../../shared/domain/programs.js';
import { formatHoursX100, parseHours } from '../../../../shared/rules/compensation.js';
import { errorText, invoke } from '../../api/client.js';
import { formatDate, formatEuro } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { monthLabel } from './labels.js';
import { addDays, mondayOf, todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  table: { borderCollapse: 'collapse', width: '100%' },
  th: { textAlign: 'left', padding: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
  td: { padding: '2px 4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  cell: { width: '5.5em' },
  invalid: { outline: `2px solid ${tokens.colorPaletteRedBorder2}` },
  dirty: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  sums: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2 },
});

const key = (placementId: number, day: string) => `${placementId}|${day}`;

/**
 * The weekly timesheet of a commune: one row per running placement, Monday to Sunday. Tab moves to the next day,
 * Enter to the same day of the next person; "3,5" is read with the shared rule (integer hundredths, no floats).
 */
export function HoursGrid({
  program,
  communeId,
  onCommune,
  initialWeek,
}: {
  program: Program;
  communeId: number;
  onCommune: (id: number) => void;
  /** the Monday to open on (a link from Heute to a month's missing hours); default this week */
  initialWeek?: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation('placements');
  const notify = useNotify();
  const [weekStart, setWeekStart] = useState(() => mondayOf(initialWeek ?? todayIso()));
  const week = useCall('placements.hoursWeek', { programId: program.id, communeId, weekStart });
  const [text, setText] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [ruleWarnings, setRuleWarnings] = useState<string[]>([]);
  const [sumTick, setSumTick] = useState(0);
  const cells = useRef(new Map<string, HTMLInputElement>());
  const byKey = useRef(new Map<string, HTMLInputElement>());
  const weekdays = t('weekdays', { returnObjects: true }) as string[];

  const original = useMemo(() => {
    const map: Record<string, number> = {};
    week.data?.rows.forEach((r) => r.hoursX100.forEach((h, i) => (map[key(r.placementId, week.data!.days[i]!)] = h)));
    return map;
  }, [week.data]);

  useEffect(() => {
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(original)) next[k] = v === 0 ? '' : formatHoursX100(v);
    setText(next);
    setServerError(null);
  }, [original]);

  const rows = week.data?.rows ?? [];
  const days = week.data?.days ?? [];
  const parsed = (k: string) => parseHours(text[k] ?? '');
  const inPeriod = (r: (typeof rows)[number], day: string) => day >= r.startDate && (r.lastDay === null || day <= r.lastDay);
  const lockedMonths = week.data?.lockedMonths ?? [];
  const isLockedDay = (day: string) => lockedMonths.includes(day.slice(0, 7));
  const changed = Object.keys(original).filter((k) => {
    const p = parsed(k);
    return !p.ok || p.hoursX100 !== original[k];
  });

  function focusCell(rowIndex: number, dayIndex: number) {
    for (let r = rowIndex; r < rows.length; r++) {
      const el = cells.current.get(`${r}:${dayIndex}`);
      if (el && !el.disabled) {
        el.focus();
        el.select();
        return;
      }
    }
    document.getElementById('hours-save')?.focus();
  }

  async function save() {
    const invalid = changed.find((k) => !parsed(k).ok);
    if (invalid) {
      const p = parsed(invalid);
      setServerError(p.ok ? null : p.message);
      byKey.current.get(invalid)?.focus();
      return;
    }
    const entries: HoursEntry[] = changed.map((k) => {
      const [placementId, workDate] = k.split('|') as [string, string];
      const p = parsed(k);
      return { placementId: Number(placementId), workDate, hoursX100: p.ok ? p.hoursX100 : 0 };
    });
    if (entries.length === 0) return notify.success(t('hours.nothingToSave'));
    setBusy(true);
    try {
      const r = await invoke('placements.saveHours', { entries });
      notify.success(t('hours.saved', { count: r.saved + r.deleted }));
      setRuleWarnings(r.warnings);
      week.reload();
      setSumTick((n) => n + 1);
    } catch (err) {
      setServerError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  const months = [...new Set(days.map((d) => d.slice(0, 7)))];

  return (
    <div
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className={styles.toolbar}>
        <Field label={t('hours.commune')}>
          <Select value={String(communeId)} onChange={(_, d) => onCommune(Number(d.value))}>
            {program.communes.map((c) => (
              <option key={c.communeId} value={c.communeId}>
                {c.communeName}
              </option>
            ))}
          </Select>
        </Field>
        <Button icon={<ChevronLeftRegular />} aria-label={t('hours.previousWeek')} onClick={() => setWeekStart(addDays(weekStart, -7))} />
        <Text weight="semibold" data-testid="week-label">
          {t('hours.weekLabel', { from: formatDate(weekStart), to: formatDate(addDays(weekStart, 6)) })}
        </Text>
        <Button icon={<ChevronRightRegular />} aria-label={t('hours.nextWeek')} onClick={() => setWeekStart(addDays(weekStart, 7))} />
        <Button onClick={() => setWeekStart(mondayOf(todayIso()))}>{t('hours.thisWeek')}</Button>
        <Button id="hours-save" appearance="primary" icon={<SaveRegular />} disabled={busy} onClick={() => void save()}>
          {t('hours.save')}
        </Button>
        {changed.length > 0 && <Text className={styles.hint}>{t('hours.unsaved')}</Text>}
      </div>
      <Text as="p" size={200} className={styles.hint}>
        {t('hours.hint')}
      </Text>
      {serverError && (
        <MessageBar intent="error" data-testid="hours-error">
          <MessageBarBody>{serverError}</MessageBarBody>
        </MessageBar>
      )}
      {lockedMonths.length > 0 && (
        <MessageBar intent="info" data-testid="hours-locked">
          <MessageBarBody>{t('hours.locked', { months: lockedMonths.map((m) => monthLabel(t, m)).join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      {ruleWarnings.length > 0 && (
        <MessageBar intent="warning" data-testid="hours-warnings">
          <MessageBarBody>
            {t('hours.ruleWarnings')} {ruleWarnings.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {week.loading && !week.data && <Spinner label={t('common:states.loading')} />}
      {week.data && rows.length === 0 && <Text>{t('hours.noRows')}</Text>}
      {rows.length > 0 && (
        <table className={styles.table} aria-label={t('tabs.hours')}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {t('columns.name')}
              </th>
              {days.map((d, i) => (
                <th key={d} className={mergeClasses(styles.th, styles.num)} scope="col">
                  {weekdays[i]} {formatDate(d).slice(0, 6)}
                </th>
              ))}
              <th className={mergeClasses(styles.th, styles.num)} scope="col">
                {t('hours.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, ri) => {
              const total = days.reduce((s, d) => {
                const p = parsed(key(r.placementId, d));
                return s + (p.ok ? p.hoursX100 : 0);
              }, 0);
              return (
                <tr key={r.placementId} data-testid={`hours-row-${r.placementId}`}>
                  <th className={styles.td} scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                    {r.participantName}
                    <Text size={200} className={styles.hint}>
                      {' '}
                      · {r.site}
                    </Text>
                  </th>
                  {days.map((d, di) => {
                    const k = key(r.placementId, d);
                    const p = parsed(k);
                    // a day of a festgestellt month stays as it is until the statement is reopened
                    const enabled = (inPeriod(r, d) || (original[k] ?? 0) > 0) && !isLockedDay(d);
                    const label = t('hours.cell', { name: r.participantName, day: `${weekdays[di]} ${formatDate(d)}` });
                    return (
                      <td key={d} className={styles.td}>
                        <Input
                          size="small"
                          className={mergeClasses(styles.cell, !p.ok && styles.invalid, p.ok && p.hoursX100 !== (original[k] ?? 0) && styles.dirty)}
                          input={{
                            ref: (el: HTMLInputElement | null) => {
                              if (el) {
                                cells.current.set(`${ri}:${di}`, el);
                                byKey.current.set(k, el);
                              } else {
                                cells.current.delete(`${ri}:${di}`);
                                byKey.current.delete(k);
                              }
                            },
                            className: styles.num,
                            'aria-invalid': !p.ok,
                            title: !p.ok ? p.message : enabled ? undefined : isLockedDay(d) ? t('hours.lockedDay') : t('hours.outside'),
                          }}
                          aria-label={label}
                          inputMode="decimal"
                          disabled={!enabled}
                          value={text[k] ?? ''}
                          onChange={(_, data) => setText((s) => ({ ...s, [k]: data.value }))}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault();
                              focusCell(ri + 1, di);
                            }
                          }}
                        />
                      </td>
                    );
                  })}
                  <td className={mergeClasses(styles.td, styles.num)} data-testid="week-total">
                    {formatHoursX100(total)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className={styles.sums}>
        {months.map((m) => (
          <MonthSum key={`${m}-${sumTick}`} programId={program.id} communeId={communeId} month={m} />
        ))}
      </div>
    </div>
  );
}

/** The month's total for the commune as it stands in the database (what the statement will say). */
function MonthSum({ programId, communeId, month }: { programId: number; communeId: number; month: string }) {
  const { t } = useTranslation('placements');
  const s = useCall('placements.statement', { programId, communeId, month });
  if (!s.data) return null;
  return (
    <Text data-testid={`month-sum-${month}`}>
      {t('hours.monthSum', { month: monthLabel(t, month), hours: formatHoursX100(s.data.totalHoursX100), amount: formatEuro(s.data.totalCents) })}
    </Text>
  );
}
