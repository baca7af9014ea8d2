import { Checkbox, Field } from '@fluentui/react-components';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { teamContract, teamKinds, type TeamKind } from '../../../../shared/contract/team.contract.js';
import { invoke } from '../../api/client.js';
import { FormInput, FormSelect } from '../../components/form/fields.js';
import { FormDialog } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';

/**
 * Leitung adds a login: a PostgreSQL role with its own password (given to the person once; Lotse keeps no copy),
 * its kind, and the commune or programs that decide what it sees.
 */
export function NewLoginDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation('settings');
  const notify = useNotify();
  const communes = useCall('communes.list', {});
  const programs = useCall('programs.list', { includeArchived: false });
  const f = useLotseForm({
    schema: teamContract['team.create'].input,
    defaultValues: { roleName: '', displayName: '', kind: 'koordination' as string, communeId: '', password: '', programIds: [] as number[] },
    toInput: (v) => ({ ...v, kind: v.kind as TeamKind, communeId: v.communeId === '' ? null : Number(v.communeId) }),
    submit: (input) => invoke('team.create', input),
    onSaved: (_, v) => {
      notify.success(t('team.created', { role: v.roleName }));
      onCreated();
    },
  });
  const kind = f.form.watch('kind');
  return (
    <FormDialog form={f} title={t('team.newLogin')} submitLabel={t('team.create')} onClose={onClose}>
      <FormInput form={f} name="displayName" label={t('team.memberName')} required />
      <FormInput form={f} name="roleName" label={t('team.memberRole')} required hint={t('team.roleHint')} />
      <FormSelect form={f} name="kind" label={t('team.memberKind')} required>
        {teamKinds.map((k) => (
          <option key={k} value={k}>
            {t(`team.kinds.${k}`)}
          </option>
        ))}
      </FormSelect>
      {kind === 'kommune' && (
        <FormSelect form={f} name="communeId" label={t('team.commune')} required>
          <option value="">–</option>
          {(communes.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </FormSelect>
      )}
      {kind === 'koordination' && (
        <Controller
          control={f.control}
          name="programIds"
          render={({ field }) => (
            <Field label={t('team.programs')}>
              {(programs.data ?? []).map((p) => (
                <Checkbox
                  key={p.id}
                  label={p.name}
                  checked={field.value.includes(p.id)}
                  onChange={(_, d) => field.onChange(d.checked ? [...field.value, p.id] : field.value.filter((x) => x !== p.id))}
                />
              ))}
            </Field>
          )}
        />
      )}
      <FormInput form={f} name="password" label={t('team.firstPassword')} required hint={t('team.firstPasswordHint')} type="password" />
    </FormDialog>
  );
}
