import {
  Button,
  Field,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/common.js';
import { outcomeInput, outcomeKinds, type OutcomeKind } from '../../../../shared/domain/outcomes.js';
import { ApiError, invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors } from '../../components/zodFields.js';
import { DateField } from '../../components/DateField.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** Tab "Ergebnisse" of a participant: outcomes at exit with company and source (fair or activity). */
export function ParticipantOutcomesTab({ participantId }: { participantId: number }) {
  const styles = useStyles();
  const { t } = useTranslation('outcomes');
  const notify = useNotify();
  const outcomes = useCall('outcomes.list', { participantId });
  const fairs = useCall('fairs.forParticipant', { participantId });
  const acts = useCall('activities.forParticipant', { participantId });
  const companies = useCall('organisations.list', { kind: 'company', query: '', includeArchived: false });
  const [form, setForm] = useState({ kind: 'sv_beschaeftigung', date: todayIso(), organisationId: '', source: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function add() {
    const [sourceKind, sourceId] = form.source.split(':');
    const input = {
      participantId,
      kind: form.kind as OutcomeKind,
      date: form.date,
      organisationId: form.organisationId ? Number(form.organisationId) : null,
      sourceFairId: sourceKind === 'fair' ? Number(sourceId) : null,
      sourceActivityId: sourceKind === 'activity' ? Number(sourceId) : null,
    };
    const parsed = outcomeInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    try {
      await invoke('outcomes.create', input);
      setErrors({});
      outcomes.reload();
    } catch (err) {
      if (err instanceof ApiError && err.error.details?.fields?.length) {
        setErrors(Object.fromEntries(err.error.details.fields.map((f) => [f.path, f.message])));
      } else notify.failure(err);
    }
  }

  async function remove(id: number) {
    try {
      await invoke('outcomes.delete', { id });
      outcomes.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <div className={styles.root}>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field label={t('fields.kind')}>
          <Select value={form.kind} onChange={(_, d) => setForm((f) => ({ ...f, kind: d.value }))}>
            {outcomeKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('fields.date')} validationMessage={errors.date}>
          <DateField value={form.date} onChange={(_, d) => setForm((f) => ({ ...f, date: d.value }))} />
        </Field>
        <Field label={t('fields.company')}>
          <Select value={form.organisationId} onChange={(_, d) => setForm((f) => ({ ...f, organisationId: d.value }))}>
            <option value="">—</option>
            {(companies.data ?? []).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('fields.source')}>
          <Select value={form.source} onChange={(_, d) => setForm((f) => ({ ...f, source: d.value }))}>
            <option value="">—</option>
            {(fairs.data ?? []).map((f) => (
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
        <Button type="submit" appearance="primary">
          {t('add')}
        </Button>
      </form>
      {outcomes.data?.length === 0 && <Text>{t('empty')}</Text>}
      {outcomes.data && outcomes.data.length > 0 && (
        <Table aria-label={t('title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('fields.date')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.kind')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.company')}</TableHeaderCell>
              <TableHeaderCell>{t('fields.source')}</TableHeaderCell>
              <TableHeaderCell />
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcomes.data.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{formatDate(o.date)}</TableCell>
                <TableCell>{t(`kinds.${o.kind}`)}</TableCell>
                <TableCell>{o.organisationName}</TableCell>
                <TableCell>{o.sourceFairTitle ?? o.sourceActivityTitle ?? (o.sourcePlacementId ? t('placement') : '')}</TableCell>
                <TableCell>
                  <Button size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t('common:actions.remove')} onClick={() => void remove(o.id)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
