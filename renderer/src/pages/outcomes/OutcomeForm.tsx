import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FormCheckbox, FormDate, FormSelect } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { todayIso } from '../../../../shared/domain/dates.js';
import { outcomeInput, outcomeKinds, type OutcomeKind } from '../../../../shared/domain/outcomes.js';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { CompanySelect } from '../organisations/CompanySelect.js';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  narrow: { maxWidth: '360px' },
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
  const f = useLotseForm({
    schema: outcomeInput,
    defaultValues: {
      kind: (prefill.kind ?? 'sv_beschaeftigung') as string,
      qualified: false,
      date: prefill.date ?? todayIso(),
      programId: prefill.programId ? String(prefill.programId) : '',
      organisationId: prefill.organisationId ? String(prefill.organisationId) : '',
      source: prefill.sourceFairId ? `fair:${prefill.sourceFairId}` : '',
    },
    toInput: (v) => {
      const [sourceKind, sourceId] = v.source.split(':');
      return {
        participantId,
        programId: v.programId ? Number(v.programId) : null,
        kind: v.kind as OutcomeKind,
        qualified: v.kind === 'sv_beschaeftigung' && v.qualified,
        date: v.date,
        organisationId: v.organisationId ? Number(v.organisationId) : null,
        sourceFairId: sourceKind === 'fair' ? Number(sourceId) : null,
        sourceActivityId: sourceKind === 'activity' ? Number(sourceId) : null,
      };
    },
    // the server's anchoring message (no enrollment on that day) belongs to the date
    fieldOf: (path) => (path === 'enrollmentId' ? 'date' : path.startsWith('source') ? 'source' : path),
    submit: (input) => invoke('outcomes.create', input),
    onSaved: () => {
      notify.success(t('saved'));
      onSaved();
    },
  });
  const kind = f.form.watch('kind');

  // a prefilled fair stays choosable even before the person's fair list has loaded
  const fairOptions = fairs.data ?? [];
  const programs = (enrollments.data ?? []).filter((e) => e.startDate !== null);
  return (
    <form className={layout === 'row' ? styles.row : styles.column} data-testid="outcome-form" noValidate onSubmit={f.onSubmit}>
      <FormSelect form={f} name="kind" label={t('fields.kind')}>
        {outcomeKinds.map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </FormSelect>
      {kind === 'sv_beschaeftigung' && <FormCheckbox form={f} name="qualified" label={t('fields.qualified')} />}
      <FormDate form={f} name="date" label={t('fields.date')} fieldClassName={layout === 'row' ? styles.narrow : undefined} />
      <FormSelect form={f} name="programId" label={t('fields.program')}>
        <option value="">{t('fields.programAuto')}</option>
        {programs.map((e) => (
          <option key={e.id} value={String(e.programId)}>
            {e.programName}
          </option>
        ))}
      </FormSelect>
      <CompanySelect form={f} name="organisationId" label={t('fields.company')} />
      <FormSelect form={f} name="source" label={t('fields.source')}>
        <option value="">—</option>
        {prefill.sourceFairId && !fairOptions.some((x) => x.fairId === prefill.sourceFairId) && (
          <option value={`fair:${prefill.sourceFairId}`}>{t('prefilledFair')}</option>
        )}
        {fairOptions.map((x) => (
          <option key={`fair:${x.fairId}`} value={`fair:${x.fairId}`}>
            {formatDate(x.date)} {x.title}
          </option>
        ))}
        {(acts.data?.sessions ?? []).map((s) => (
          <option key={`activity:${s.activityId}`} value={`activity:${s.activityId}`}>
            {formatDate(s.date)} {s.title}
          </option>
        ))}
      </FormSelect>
      <FormErrorBar message={f.formError} />
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={f.busy}>
          {t('add')}
        </Button>
        {actions}
      </div>
    </form>
  );
}
