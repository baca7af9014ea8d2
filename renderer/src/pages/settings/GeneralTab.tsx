import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appSettingsInput, type AppSettings } from '../../../../shared/domain/settings.js';
import { ApiError, invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors } from '../../components/zodFields.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: tokens.spacingHorizontalM },
  section: { marginTop: tokens.spacingVerticalM },
});

interface Form {
  coordinatorName: string;
  operatorName: string;
  operatorAddress: string;
  operatorPlace: string;
  operatorContact: string;
  maxFileMb: string;
  maxRows: string;
  maxCellChars: string;
}

function toForm(s: AppSettings): Form {
  return {
    coordinatorName: s.coordinatorName ?? '',
    operatorName: s.operator.name ?? '',
    operatorAddress: s.operator.address ?? '',
    operatorPlace: s.operator.place ?? '',
    operatorContact: s.operator.contact ?? '',
    maxFileMb: String(s.importLimits.maxFileMb),
    maxRows: String(s.importLimits.maxRows),
    maxCellChars: String(s.importLimits.maxCellChars),
  };
}

/** Coordinator name (the actor in the log), operator details, import limits. */
export function GeneralTab() {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const notify = useNotify();
  const settings = useCall('settings.get', {});
  const [form, setForm] = useState<Form | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) setForm(toForm(settings.data));
  }, [settings.data]);

  if (settings.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{(settings.error as Error).message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!form) return <Spinner label={t('common:states.loading')} />;
  const set = (k: keyof Form) => (_: unknown, d: { value: string }) => setForm((f) => (f ? { ...f, [k]: d.value } : f));

  async function save() {
    if (!form) return;
    const input = {
      coordinatorName: form.coordinatorName,
      operator: { name: form.operatorName, address: form.operatorAddress, place: form.operatorPlace, contact: form.operatorContact },
      importLimits: { maxFileMb: Number(form.maxFileMb), maxRows: Number(form.maxRows), maxCellChars: Number(form.maxCellChars) },
    };
    const parsed = appSettingsInput.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = await invoke('settings.update', input);
      setForm(toForm(saved));
      notify.success(t('general.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.error.details?.fields) {
        setErrors(Object.fromEntries(err.error.details.fields.map((f) => [f.path, f.message])));
      }
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Subtitle2 as="h2">{t('general.coordinator')}</Subtitle2>
      <Field label={t('general.coordinatorName')} hint={t('general.coordinatorHint')} validationMessage={errors.coordinatorName}>
        <Input value={form.coordinatorName} onChange={set('coordinatorName')} />
      </Field>
      <Subtitle2 as="h2" className={styles.section}>
        {t('general.operator')}
      </Subtitle2>
      <Field label={t('general.operatorName')} validationMessage={errors['operator.name']}>
        <Input value={form.operatorName} onChange={set('operatorName')} />
      </Field>
      <Field label={t('general.operatorAddress')} validationMessage={errors['operator.address']}>
        <Textarea value={form.operatorAddress} onChange={set('operatorAddress')} resize="vertical" />
      </Field>
      <Field label={t('general.operatorPlace')} validationMessage={errors['operator.place']}>
        <Input value={form.operatorPlace} onChange={set('operatorPlace')} />
      </Field>
      <Field label={t('general.operatorContact')} validationMessage={errors['operator.contact']}>
        <Input value={form.operatorContact} onChange={set('operatorContact')} />
      </Field>
      <Subtitle2 as="h2" className={styles.section}>
        {t('general.limits')}
      </Subtitle2>
      <div className={styles.grid}>
        <Field label={t('general.maxFileMb')} validationMessage={errors['importLimits.maxFileMb']}>
          <Input type="number" value={form.maxFileMb} onChange={set('maxFileMb')} />
        </Field>
        <Field label={t('general.maxRows')} validationMessage={errors['importLimits.maxRows']}>
          <Input type="number" value={form.maxRows} onChange={set('maxRows')} />
        </Field>
        <Field label={t('general.maxCellChars')} validationMessage={errors['importLimits.maxCellChars']}>
          <Input type="number" value={form.maxCellChars} onChange={set('maxCellChars')} />
        </Field>
      </div>
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('common:actions.save')}
        </Button>
      </div>
    </form>
  );
}
