import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coordinatorNameInput } from '../../../shared/domain/settings.js';
import { invoke } from '../api/client.js';
import { FormInput } from '../components/form/fields.js';
import { FormDialog } from '../components/form/FormDialog.js';
import { useLotseForm } from '../components/form/useLotseForm.js';
import { useCall } from '../components/useCall.js';
import { useNotify } from '../components/useNotify.js';

/** Set by "Später": not asked again until the app (this window) starts anew. */
export const askLaterKey = 'lotse.coordinatorNameLater';

/**
 * The first start's question (issue 19, item 8): the coordinator's name, which signs every Protokoll entry.
 * Skippable, but asked again at the next start until a name is stored; changed later under Einstellungen. Only for
 * the local file: on a team server the Protokoll names the login, so there is nothing to ask.
 */
export function CoordinatorNameDialog() {
  const [later, setLater] = useState(() => sessionStorage.getItem(askLaterKey) === '1');
  const settings = useCall('settings.get', {}, !later);
  const who = useCall('team.whoami', {}, !later);
  const [done, setDone] = useState(false);
  const open = !later && !done && who.data?.engine === 'sqlite' && settings.data !== undefined && settings.data.coordinatorName === null;
  if (!open) return null;
  return (
    <NameForm
      onLater={() => {
        sessionStorage.setItem(askLaterKey, '1');
        setLater(true);
      }}
      onSaved={() => setDone(true)}
    />
  );
}

function NameForm({ onLater, onSaved }: { onLater: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const f = useLotseForm({
    schema: coordinatorNameInput,
    defaultValues: { coordinatorName: '' },
    toInput: (v) => v,
    submit: (input) => invoke('settings.setCoordinatorName', input),
    onSaved: () => {
      notify.success(t('firstStart.saved'));
      onSaved();
    },
  });
  return (
    <FormDialog form={f} modalType="alert" title={t('firstStart.title')} onClose={onLater} cancelLabel={t('firstStart.later')}>
      <Text>{t('firstStart.intro')}</Text>
      <FormInput form={f} name="coordinatorName" label={t('firstStart.name')} required autoFocus />
    </FormDialog>
  );
}
