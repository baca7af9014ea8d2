import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { coordinatorNameInput } from '../../../shared/domain/settings.js';
import { ApiError, invoke } from '../api/client.js';
import { useCall } from '../components/useCall.js';
import { useNotify } from '../components/useNotify.js';
import { fieldErrors } from '../components/zodFields.js';

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
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function save() {
    const parsed = coordinatorNameInput.safeParse({ coordinatorName: name });
    if (!parsed.success) return setError(fieldErrors(parsed.error).coordinatorName);
    setBusy(true);
    try {
      await invoke('settings.setCoordinatorName', { coordinatorName: name });
      notify.success(t('firstStart.saved'));
      onSaved();
    } catch (err) {
      const field = err instanceof ApiError ? err.error.details?.fields?.[0]?.message : undefined;
      if (field) setError(field);
      else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open modalType="alert">
      <DialogSurface>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('firstStart.title')}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <Text>{t('firstStart.intro')}</Text>
              <Field label={t('firstStart.name')} required validationMessage={error}>
                <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button onClick={onLater}>{t('firstStart.later')}</Button>
              <Button type="submit" appearance="primary" disabled={busy}>
                {t('actions.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
