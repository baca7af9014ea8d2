import {
  Button,
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
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../shared/domain/dates.js';
import { applicationInput, applicationStatuses } from '../../../../shared/domain/outcomes.js';
import { invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { CompanySelect } from '../organisations/CompanySelect.js';
import { FormDate, FormInput, FormSelect } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';

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
  const f = useLotseForm({
    schema: applicationInput,
    defaultValues: { organisationId: '', position: '', appliedOn: todayIso(), status: 'versendet', fairId: '' },
    toInput: (v) => ({
      participantId,
      organisationId: v.organisationId ? Number(v.organisationId) : null,
      position: v.position,
      appliedOn: v.appliedOn,
      status: v.status as (typeof applicationStatuses)[number],
      fairId: v.fairId ? Number(v.fairId) : null,
    }),
    submit: (input) => invoke('outcomes.createApplication', input),
    onSaved: (_, v) => {
      f.form.reset({ ...v, organisationId: '', position: '', fairId: '' });
      apps.reload();
    },
  });

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
      <form className={styles.row} noValidate onSubmit={f.onSubmit}>
        <CompanySelect form={f} name="organisationId" label={t('columns.company')} />
        <FormInput form={f} name="position" label={t('participant.position')} />
        <FormDate form={f} name="appliedOn" label={t('participant.appliedOn')} />
        <FormSelect form={f} name="status" label={t('participant.status')}>
          {applicationStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`outcomes:applicationStatus.${s}`)}
            </option>
          ))}
        </FormSelect>
        <FormSelect form={f} name="fairId" label={t('participant.fromFair')}>
          <option value="">—</option>
          {(fairs.data ?? []).map((x) => (
            <option key={x.fairId} value={String(x.fairId)}>
              {formatDate(x.date)} {x.title}
            </option>
          ))}
        </FormSelect>
        <Button type="submit" appearance="primary" disabled={f.busy}>
          {t('participant.addApplication')}
        </Button>
      </form>
      <FormErrorBar message={f.formError} />
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
