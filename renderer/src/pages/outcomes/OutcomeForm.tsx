import { Button, Checkbox, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField.js';
import { outcomeInput, outcomeKinds, type OutcomeKind } from '../../../../shared/domain/outcomes.js';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** What a form can start with: a fair contact prefills kind, date, company and the fair as source. */
export interface OutcomePrefill {
  kind?: OutcomeKind;
  date?: string;
  organisationId?: number | null;
  sourceFairId?: number | null;
  programId?: number | null;
}

/**
 * The outcome form (kind, qualifikationsadäquat for sv-pflichtige Beschäftigung, date, program, company,
 * source). The date field shows the server's anchoring message when the person was not enrolled on that day.
 */
export function OutcomeForm({
  participantId,
  prefill = {},
  layout = 'row',
  onSaved,
  actions,
}: {
  participantId: number;
  prefill?: OutcomePrefill;
  layout?: 'row' | 'column';
  onSaved: () => void;
  /** extra buttons beside the submit button (a dialog's Abbrechen) */
  actions?: React.ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation('outcomes');
  const notify = useNotify();
  const fairs = useCall('fairs.forParticipant', { participantId });
  const acts = useCall('activities.forParticipant', { participantId });
  const enrollments = useCall('enrollments.list', { participantId });
  const companies = useCall('organisations.list', { kind: 'company', query: '', includeArchived: false });
  const [form, setForm] = useState({
    kind: prefill.kind ?? 'sv_beschaeftigung',
    qualified: false,
    date: prefill.date ?? todayIso(),
    programId: prefill.programId ? String(prefill.programId) : '',
    organisationId: prefill.organisationId ? String(prefill.organisationId) : '',
    source: prefill.sourceFairId ? `fair:${prefill.sourceFairId}` : '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    const [sourceKind, sourceId] = form.source.split(':');
    const input = {
      participantId,
      programId: form.programId ? Number(form.programId) : null,
      kind: form.kind as OutcomeKind,
      qualified: form.kind === 'sv_beschaeftigung' && form.qualified,
      date: form.date,
      organisationId: form.organisationId ? Number(form.organisationId) : null,
      sourceFairId: sourceKind === 'fair' ? Number(sourceId) : null,
      sourceActivityId: sourceKind === 'activity' ? Number(sourceId) : null,
    };
    const parsed = outcomeInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      await invoke('outcomes.create', input);
      setErrors({});
      notify.success(t('saved'));
      onSaved();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) {
        setErrors(fields);
      } else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  // a prefilled fair stays choosable even before the person's fair list has loaded
  const fairOptions = fairs.data ?? [];
  const programs = (enrollments.data ?? []).filter((e) => e.startDate !== null);
  return (
    <form
      className={layout === 'row' ? styles.row : styles.column}
      data-testid="outcome-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label={t('fields.kind')} validationMessage={errors.kind}>
        <Select value={form.kind} onChange={set('kind')}>
          {outcomeKinds.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      {form.kind === 'sv_beschaeftigung' && (
        <Checkbox
          label={t('fields.qualified')}
          checked={form.qualified}
          onChange={(_, d) => setForm((f) => ({ ...f, qualified: d.checked === true }))}
        />
      )}
      <Field label={t('fields.date')} validationMessage={errors.date ?? errors.enrollmentId} style={layout === 'row' ? { maxWidth: 360 } : undefined}>
        <DateField value={form.date} onChange={set('date')} />
      </Field>
      <Field label={t('fields.program')} validationMessage={errors.programId}>
        <Select value={form.programId} onChange={set('programId')}>
          <option value="">{t('fields.programAuto')}</option>
          {programs.map((e) => (
            <option key={e.id} value={String(e.programId)}>
              {e.programName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('fields.company')} validationMessage={errors.organisationId}>
        <Select value={form.organisationId} onChange={set('organisationId')}>
          <option value="">—</option>
          {(companies.data ?? []).map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('fields.source')}>
        <Select value={form.source} onChange={set('source')}>
          <option value="">—</option>
          {prefill.sourceFairId && !fairOptions.some((f) => f.fairId === prefill.sourceFairId) && (
            <option value={`fair:${prefill.sourceFairId}`}>{t('prefilledFair')}</option>
          )}
          {fairOptions.map((f) => (
            <option key={`fair:${f.fairId}`} value={`fair:${f.fairId}`}>
              {formatDate(f.date)} {f.title}
            </option>
          ))}
          {(acts.data?.sessions ?? []).map((s) => (
            <option key={`activity:${s.activityId}`} value={`activity:${s.activityId}`}>
              {formatDate(s.date)} {s.title}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('add')}
        </Button>
        {actions}
      </div>
    </form>
  );
}
