import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { appSettingsInput, type AppSettings } from '../../../../shared/domain/settings.js';
import { errorText, invoke } from '../../api/client.js';
import { FormInput, FormTextarea } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm, useNavigationGuard } from '../../components/form/useLotseForm.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  grid: { display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: tokens.spacingHorizontalM },
  section: { marginTop: tokens.spacingVerticalM },
});

function valuesOf(s: AppSettings) {
  return {
    coordinatorName: s.coordinatorName ?? '',
    operator: { name: s.operator.name ?? '', address: s.operator.address ?? '', place: s.operator.place ?? '', contact: s.operator.contact ?? '' },
    importLimits: {
      maxFileMb: String(s.importLimits.maxFileMb),
      maxRows: String(s.importLimits.maxRows),
      maxCellChars: String(s.importLimits.maxCellChars),
    },
  };
}

/** Coordinator name (the actor in the log), operator details, import limits. */
export function GeneralTab() {
  const { t } = useTranslation('settings');
  const settings = useCall('settings.get', {});
  if (settings.error !== undefined) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{errorText(settings.error)}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!settings.data) return <Spinner label={t('common:states.loading')} />;
  return <GeneralForm settings={settings.data} />;
}

/** The form, once the stored settings are there to start from. */
function GeneralForm({ settings }: { settings: AppSettings }) {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const notify = useNotify();
  const f = useLotseForm({
    schema: appSettingsInput,
    defaultValues: valuesOf(settings),
    toInput: (v) => ({
      ...v,
      importLimits: { maxFileMb: Number(v.importLimits.maxFileMb), maxRows: Number(v.importLimits.maxRows), maxCellChars: Number(v.importLimits.maxCellChars) },
    }),
    submit: (input) => invoke('settings.update', input),
    onSaved: (saved) => {
      f.form.reset(valuesOf(saved));
      notify.success(t('general.saved'));
    },
  });
  useNavigationGuard(f);

  return (
    <form className={styles.form} noValidate onSubmit={f.onSubmit}>
      <Subtitle2 as="h2">{t('general.coordinator')}</Subtitle2>
      <FormInput form={f} name="coordinatorName" label={t('general.coordinatorName')} hint={t('general.coordinatorHint')} />
      <Subtitle2 as="h2" className={styles.section}>
        {t('general.operator')}
      </Subtitle2>
      <FormInput form={f} name="operator.name" label={t('general.operatorName')} />
      <FormTextarea form={f} name="operator.address" label={t('general.operatorAddress')} resize="vertical" />
      <FormInput form={f} name="operator.place" label={t('general.operatorPlace')} />
      <FormInput form={f} name="operator.contact" label={t('general.operatorContact')} />
      <Subtitle2 as="h2" className={styles.section}>
        {t('general.limits')}
      </Subtitle2>
      <div className={styles.grid}>
        <FormInput form={f} name="importLimits.maxFileMb" label={t('general.maxFileMb')} type="number" />
        <FormInput form={f} name="importLimits.maxRows" label={t('general.maxRows')} type="number" />
        <FormInput form={f} name="importLimits.maxCellChars" label={t('general.maxCellChars')} type="number" />
      </div>
      <FormErrorBar message={f.formError} />
      <div>
        <Button appearance="primary" type="submit" disabled={f.busy}>
          {t('common:actions.save')}
        </Button>
      </div>
      {f.discardPrompt}
    </form>
  );
}
