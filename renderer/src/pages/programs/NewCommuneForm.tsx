import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { communeInput, type Commune } from '../../../../shared/domain/communes.js';
import { invoke } from '../../api/client.js';
import { FormInput } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';

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
  wideRow: { gridColumn: '1 / -1', ':empty': { display: 'none' } },
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
  const f = useLotseForm({
    schema: communeInput,
    defaultValues: { name: '', district: '', ags: '' },
    toInput: (v) => ({ ...v, ags: v.ags.trim() === '' ? null : v.ags }),
    submit: (input) => invoke('communes.create', input),
    onSaved: (created) => onDone(created),
  });
  const cancel = () => f.requestLeave(() => onDone(null));

  function onKeyDown(e: KeyboardEvent) {
    // keys in the discard question (a portal, yet a child here for React's events) are not this box's
    if (!e.currentTarget.contains(e.target as Node)) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      void f.save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  }

  return (
    <div role="group" aria-label={t('newCommuneTitle')} className={styles.box} onKeyDown={onKeyDown}>
      <Text weight="semibold" className={styles.title}>
        {t('newCommuneTitle')}
      </Text>
      <FormInput form={f} name="name" label={t('newCommuneName')} required autoFocus />
      <FormInput form={f} name="district" label={t('district')} />
      <FormInput form={f} name="ags" label={t('ags')} inputMode="numeric" maxLength={8} />
      <div className={styles.wideRow}>
        <FormErrorBar message={f.formError} />
      </div>
      <div className={styles.actions}>
        <Button onClick={cancel}>{t('common:actions.cancel')}</Button>
        <Button appearance="primary" disabled={f.busy} onClick={() => void f.save()}>
          {t('common:actions.create')}
        </Button>
      </div>
      {f.discardPrompt}
    </div>
  );
}
