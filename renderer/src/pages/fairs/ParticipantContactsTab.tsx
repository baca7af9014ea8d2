import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applicationInput, applicationStatuses } from '../../../../shared/domain/outcomes.js';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors, serverFieldErrors } from '../../components/zodFields.js';
import { DateField } from '../../components/DateField.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** Tab "Kontakte & Bewerbungen" of a participant: fairs with their contacts, and applications (add one here). */
export function ParticipantContactsTab({ participantId }: { participantId: number }) {
  const styles = useStyles();
  const { t } = useTranslation('fairs');
  const notify = useNotify();
  const fairs = useCall('fairs.forParticipant', { participantId });
  const apps = useCall('outcomes.applications', { participantId });
  const companies = useCall('organisations.list', { kind: 'company', query: '', includeArchived: false });
  const [form, setForm] = useState({ organisationId: '', position: '', appliedOn: todayIso(), status: 'versendet', fairId: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function add() {
    const input = {
      participantId,
      organisationId: form.organisationId ? Number(form.organisationId) : null,
      position: form.position,
      appliedOn: form.appliedOn,
      status: form.status as (typeof applicationStatuses)[number],
      fairId: form.fairId ? Number(form.fairId) : null,
    };
    const parsed = applicationInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    try {
      await invoke('outcomes.createApplication', input);
      setErrors({});
      setForm((f) => ({ ...f, organisationId: '', position: '', fairId: '' }));
      apps.reload();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) {
        setErrors(fields);
      } else notify.failure(err);
    }
  }

  async function setStatus(id: number, status: string) {
    const a = apps.data?.find((x) => x.id === id);
    if (!a) return;
    try {
      await invoke('outcomes.updateApplication', {
        id,
        data: { ...a, status: status as (typeof applicationStatuses)[number] },
      });
      apps.reload();
    } catch (err) {
      notify.failure(err);
    }
  }

  return (
    <div className={styles.root}>
      <Title3 as="h2">{t('participant.fairs')}</Title3>
      {!fairs.data && <Spinner size="small" />}
      {fairs.data?.length === 0 && <Text>{t('participant.noFairs')}</Text>}
      {fairs.data && fairs.data.length > 0 && (
        <Table aria-label={t('participant.fairs')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columns.date')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.title')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.checkedIn')}</TableHeaderCell>
              <TableHeaderCell>{t('participant.contacts')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {fairs.data.map((f) => (
              <TableRow key={f.fairId}>
                <TableCell>{formatDate(f.date)}</TableCell>
                <TableCell>{f.title}</TableCell>
                <TableCell>{f.checkedIn ? t('status.present') : t('status.notPresent')}</TableCell>
                <TableCell>{f.contacts.map((c) => `${c.organisationName}: ${t(`results.${c.result}`)}`).join('; ')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <Title3 as="h2">{t('participant.applications')}</Title3>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field label={t('columns.company')} validationMessage={errors.organisationId}>
          <Select value={form.organisationId} onChange={(_, d) => setForm((f) => ({ ...f, organisationId: d.value }))}>
            <option value="">—</option>
            {(companies.data ?? []).map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('participant.position')} validationMessage={errors.position}>
          <Input value={form.position} onChange={(_, d) => setForm((f) => ({ ...f, position: d.value }))} />
        </Field>
        <Field label={t('participant.appliedOn')} validationMessage={errors.appliedOn}>
          <DateField value={form.appliedOn} onChange={(_, d) => setForm((f) => ({ ...f, appliedOn: d.value }))} />
        </Field>
        <Field label={t('participant.status')}>
          <Select value={form.status} onChange={(_, d) => setForm((f) => ({ ...f, status: d.value }))}>
            {applicationStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`outcomes:applicationStatus.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('participant.fromFair')}>
          <Select value={form.fairId} onChange={(_, d) => setForm((f) => ({ ...f, fairId: d.value }))}>
            <option value="">—</option>
            {(fairs.data ?? []).map((f) => (
              <option key={f.fairId} value={String(f.fairId)}>
                {formatDate(f.date)} {f.title}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" appearance="primary">
          {t('participant.addApplication')}
        </Button>
      </form>
      {apps.data?.length === 0 && <Text>{t('participant.noApplications')}</Text>}
      {apps.data && apps.data.length > 0 && (
        <Table aria-label={t('participant.applications')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('participant.appliedOn')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.company')}</TableHeaderCell>
              <TableHeaderCell>{t('participant.position')}</TableHeaderCell>
              <TableHeaderCell>{t('participant.status')}</TableHeaderCell>
              <TableHeaderCell>{t('participant.fromFair')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {apps.data.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{formatDate(a.appliedOn)}</TableCell>
                <TableCell>{a.organisationName}</TableCell>
                <TableCell>{a.position}</TableCell>
                <TableCell>
                  <Select size="small" aria-label={t('participant.status')} value={a.status} onChange={(_, d) => void setStatus(a.id, d.value)}>
                    {applicationStatuses.map((s) => (
                      <option key={s} value={s}>
                        {t(`outcomes:applicationStatus.${s}`)}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>{a.fairTitle}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
