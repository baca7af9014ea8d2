import {
  Badge,
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDownRegular, EraserRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, invoke } from '../../api/client.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { AnonymiseDialog } from './AnonymiseDialog.js';
import { DateField } from '../../components/DateField.js';
import { todayIso } from '../../../../shared/domain/dates.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  checks: { display: 'flex', flexDirection: 'column' },
});

const colors = { valid: 'success', missing: 'informative', withdrawn: 'danger', expired: 'danger', expiring: 'warning' } as const;

/**
 * Data protection for one person, to mount on the participant page: consent (record, withdraw), the Art. 15
 * access export, and anonymisation on request. `onAnonymised` lets the host page reload.
 */
export function ConsentPanel({ participantId, onAnonymised }: { participantId: number; onAnonymised?: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('privacy');
  const notify = useNotify();
  const consent = useCall('privacy.consent', { participantId });
  const programs = useCall('programs.list', { includeArchived: true });
  const [form, setForm] = useState({ date: '', expires: '', story: false, partners: false, programs: new Set<number>() });
  const [withdrawDate, setWithdrawDate] = useState(todayIso());
  const [busy, setBusy] = useState(false);
  const [anonymising, setAnonymising] = useState(false);

  useEffect(() => {
    const c = consent.data;
    if (c) {
      setForm({
        date: c.consentDate ?? '',
        expires: c.consentExpiresOn ?? '',
        story: c.consentSuccessStory,
        partners: c.consentSharePartners,
        programs: new Set(c.consentPrograms),
      });
    }
  }, [consent.data]);

  async function act(fn: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await fn();
      notify.success(done);
      consent.reload();
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  if (consent.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(consent.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  const c = consent.data;
  if (!c) return <Spinner size="tiny" label={t('common:states.loading')} />;

  if (c.anonymised) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('consent.anonymised')}</MessageBarBody>
      </MessageBar>
    );
  }

  return (
    <section className={styles.root} aria-labelledby={`consent-${participantId}`}>
      <Subtitle2 as="h2" id={`consent-${participantId}`}>
        {t('consent.title')}
      </Subtitle2>
      <div>
        <Badge appearance="tint" color={colors[c.state]}>
          {t('consent.state', { state: t(`states.${c.state}`) })}
        </Badge>
        {c.consentWithdrawnOn && <Text> {t('consent.withdrawn')}: {formatDate(c.consentWithdrawnOn)}</Text>}
      </div>
      <div className={styles.row}>
        <Field label={t('consent.date')}>
          <DateField value={form.date} onChange={(_, d) => setForm((f) => ({ ...f, date: d.value }))} />
        </Field>
        <Field label={t('consent.expires')}>
          <DateField value={form.expires} onChange={(_, d) => setForm((f) => ({ ...f, expires: d.value }))} />
        </Field>
      </div>
      <div className={styles.checks}>
        <Checkbox label={t('consent.successStory')} checked={form.story} onChange={(_, d) => setForm((f) => ({ ...f, story: d.checked === true }))} />
        <Checkbox label={t('consent.sharePartners')} checked={form.partners} onChange={(_, d) => setForm((f) => ({ ...f, partners: d.checked === true }))} />
      </div>
      {programs.data && programs.data.length > 0 && (
        <Field label={t('consent.programs')}>
          <div className={styles.checks}>
            {programs.data.map((p) => (
              <Checkbox
                key={p.id}
                label={p.name}
                checked={form.programs.has(p.id)}
                onChange={(_, d) =>
                  setForm((f) => {
                    const next = new Set(f.programs);
                    if (d.checked === true) next.add(p.id);
                    else next.delete(p.id);
                    return { ...f, programs: next };
                  })
                }
              />
            ))}
          </div>
        </Field>
      )}
      <div className={styles.row}>
        <Button
          appearance="primary"
          disabled={busy || !form.date}
          onClick={() =>
            void act(
              () =>
                invoke('privacy.recordConsent', {
                  participantId,
                  consentDate: form.date,
                  consentExpiresOn: form.expires || null,
                  consentSuccessStory: form.story,
                  consentSharePartners: form.partners,
                  consentPrograms: [...form.programs],
                }),
              t('consent.recorded'),
            )
          }
        >
          {t('consent.record')}
        </Button>
      </div>
      <div className={styles.row}>
        <Field label={t('consent.withdrawDate')} hint={t('consent.withdrawHint')}>
          <DateField value={withdrawDate} onChange={(_, d) => setWithdrawDate(d.value)} />
        </Field>
        <Button
          disabled={busy || !withdrawDate}
          onClick={() => void act(() => invoke('privacy.withdrawConsent', { participantId, date: withdrawDate }), t('consent.withdrawnDone'))}
        >
          {t('consent.withdraw')}
        </Button>
      </div>
      <div className={styles.row}>
        <Button
          icon={<DocumentArrowDownRegular />}
          disabled={busy}
          onClick={() =>
            void act(async () => {
              const res = await invoke('privacy.accessExport', { participantId });
              await downloadFile(res.pdf.handle, res.pdf.name);
              await downloadFile(res.json.handle, res.json.name);
            }, t('consent.accessExportDone'))
          }
        >
          {t('consent.accessExport')}
        </Button>
        <Button icon={<EraserRegular />} disabled={busy} onClick={() => setAnonymising(true)}>
          {t('anonymise.button')}
        </Button>
      </div>
      {anonymising && (
        <AnonymiseDialog
          request={{ participantId }}
          count={1}
          onClose={(done) => {
            setAnonymising(false);
            if (done) {
              consent.reload();
              onAnonymised?.();
            }
          }}
        />
      )}
    </section>
  );
}
