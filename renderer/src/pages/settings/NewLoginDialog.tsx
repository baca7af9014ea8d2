import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamKinds, type TeamKind } from '../../../../shared/contract/team.contract.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { serverFieldErrors } from '../../components/zodFields.js';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Leitung adds a login: a PostgreSQL role with its own password (given to the person once; Lotse keeps no copy),
 * its kind, and the commune or programs that decide what it sees.
 */
export function NewLoginDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const notify = useNotify();
  const communes = useCall('communes.list', {});
  const programs = useCall('programs.list', { includeArchived: false });
  const [form, setForm] = useState({ roleName: '', displayName: '', kind: 'koordination' as TeamKind, communeId: '', password: '' });
  const [programIds, setProgramIds] = useState<number[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  async function save() {
    setBusy(true);
    try {
      await invoke('team.create', { ...form, communeId: form.communeId === '' ? null : Number(form.communeId), programIds });
      notify.success(t('team.created', { role: form.roleName }));
      onCreated();
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields) setErrors(fields);
      else notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('team.newLogin')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label={t('team.memberName')} required validationMessage={errors.displayName}>
              <Input value={form.displayName} onChange={set('displayName')} />
            </Field>
            <Field label={t('team.memberRole')} required hint={t('team.roleHint')} validationMessage={errors.roleName}>
              <Input value={form.roleName} onChange={set('roleName')} />
            </Field>
            <Field label={t('team.memberKind')} required>
              <Select value={form.kind} onChange={set('kind')}>
                {teamKinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`team.kinds.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            {form.kind === 'kommune' && (
              <Field label={t('team.commune')} required validationMessage={errors.communeId}>
                <Select value={form.communeId} onChange={set('communeId')}>
                  <option value="">–</option>
                  {(communes.data ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {form.kind === 'koordination' && (
              <Field label={t('team.programs')}>
                {(programs.data ?? []).map((p) => (
                  <Checkbox
                    key={p.id}
                    label={p.name}
                    checked={programIds.includes(p.id)}
                    onChange={(_, d) => setProgramIds((ids) => (d.checked ? [...ids, p.id] : ids.filter((x) => x !== p.id)))}
                  />
                ))}
              </Field>
            )}
            <Field label={t('team.firstPassword')} required hint={t('team.firstPasswordHint')} validationMessage={errors.password}>
              <Input type="password" value={form.password} onChange={set('password')} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('team.cancel')}</Button>
            <Button appearance="primary" disabled={busy} onClick={() => void save()}>
              {t('team.create')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
