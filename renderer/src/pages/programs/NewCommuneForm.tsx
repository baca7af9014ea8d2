import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { communeInput, type Commune } from '../../../../shared/domain/communes.js';
import { ApiError, invoke } from '../../api/client.js';
import { fieldErrors } from '../../components/zodFields.js';

const useStyles = makeStyles({
  // three fields in a row, the buttons below them: five columns did not fit the program dialog at 1366×768
  box: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { gridColumn: '1 / -1' },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

/**
 * Creates a commune inline in the program form, so a new installation needs no separate setup step.
 * Inline rather than a second modal dialog: nested modals hide the outer form from assistive technology and
 * are slower to use with the keyboard. Enter creates, Escape cancels, without submitting the program form.
 */
export function NewCommuneForm({ onDone }: { onDone: (created: Commune | null) => void }) {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const [name, setName] = useState('');
  const [district, setDistrict] = useState('');
  const [ags, setAgs] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function save() {
    const input = { name, district, ags: ags.trim() === '' ? null : ags };
    const parsed = communeInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setBusy(true);
    try {
      onDone(await invoke('communes.create', input));
    } catch (err) {
      const fields = err instanceof ApiError ? (err.error.details?.fields ?? []) : [];
      setErrors(fields.length ? Object.fromEntries(fields.map((f) => [f.path, f.message])) : { name: (err as Error).message });
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onDone(null);
    }
  }

  return (
    <div role="group" aria-label={t('newCommuneTitle')} className={styles.box} onKeyDown={onKeyDown}>
      <Text weight="semibold" className={styles.title}>
        {t('newCommuneTitle')}
      </Text>
      <Field label={t('newCommuneName')} required validationMessage={errors.name}>
        <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
      </Field>
      <Field label={t('district')} validationMessage={errors.district}>
        <Input value={district} onChange={(_, d) => setDistrict(d.value)} />
      </Field>
      <Field label={t('ags')} validationMessage={errors.ags}>
        <Input value={ags} onChange={(_, d) => setAgs(d.value)} inputMode="numeric" maxLength={8} />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => onDone(null)}>{t('common:actions.cancel')}</Button>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {t('common:actions.create')}
        </Button>
      </div>
    </div>
  );
}
