import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { teamConnection, type TeamConnection } from '../../../../shared/contract/team.contract.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { fieldErrors } from '../../components/zodFields.js';
import { NewLoginDialog } from './NewLoginDialog.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  grid: { display: 'grid', gridTemplateColumns: '2fr 1fr', gap: tokens.spacingHorizontalM },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  section: { marginTop: tokens.spacingVerticalXL },
});

interface Form {
  host: string;
  port: string;
  database: string;
  user: string;
  sslmode: TeamConnection['sslmode'];
  password: string;
}

const empty: Form = { host: '', port: '5432', database: 'lotse', user: '', sslmode: 'verify-full', password: '' };

/**
 * Teambetrieb: the team server this installation starts with (server, database, user, TLS; the password into the
 * OS keychain), a connection test, and the team's logins as the database shows them to the logged-in role.
 */
export function TeamTab() {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const notify = useNotify();
  const current = useCall('team.connection', {});
  const me = useCall('team.whoami', {});
  const [form, setForm] = useState<Form>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const c = current.data?.connection;
    if (c) setForm({ ...c, port: String(c.port), password: '' });
  }, [current.data]);

  const set = (k: keyof Form) => (_: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));

  function parsed(): TeamConnection | null {
    const r = teamConnection.safeParse({ ...form, port: Number(form.port) });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return null;
    }
    setErrors({});
    return r.data;
  }

  async function run(action: 'test' | 'save' | 'local') {
    const connection = action === 'local' ? null : parsed();
    if (action !== 'local' && !connection) return;
    setBusy(true);
    try {
      const password = form.password === '' ? null : form.password;
      if (action === 'test') setResult(await invoke('team.testConnection', { connection: connection!, password }));
      else {
        await invoke('team.saveConnection', { connection, password: action === 'local' ? null : password });
        notify.success(t(action === 'local' ? 'team.savedLocal' : 'team.saved'));
        current.reload();
      }
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof Form, label: string, type?: 'password') => (
    <Field label={t(label)} validationMessage={errors[k]}>
      <Input type={type} value={form[k]} onChange={set(k)} />
    </Field>
  );

  return (
    <div>
      <Text block>{me.data?.engine === 'postgres' ? t('team.onServer', { role: me.data.roleName }) : t('team.onFile')}</Text>
      <form className={styles.form} noValidate onSubmit={(e) => e.preventDefault()}>
        <Subtitle2 className={styles.section}>{t('team.connectionTitle')}</Subtitle2>
        <div className={styles.grid}>
          {field('host', 'team.host')}
          {field('port', 'team.port')}
        </div>
        <div className={styles.grid}>
          {field('database', 'team.database')}
          {field('user', 'team.user')}
        </div>
        <Field label={t('team.sslmode')}>
          <Select value={form.sslmode} onChange={(_, d) => setForm((f) => ({ ...f, sslmode: d.value as Form['sslmode'] }))}>
            <option value="verify-full">{t('team.ssl.verify-full')}</option>
            <option value="require">{t('team.ssl.require')}</option>
            <option value="disable">{t('team.ssl.disable')}</option>
          </Select>
        </Field>
        <Field
          label={t('team.password')}
          hint={current.data?.canStorePassword ? (current.data.passwordStored ? t('team.passwordStored') : t('team.passwordKeychain')) : t('team.passwordPgpass')}
        >
          <Input type="password" value={form.password} onChange={set('password')} />
        </Field>
        {result && (
          <MessageBar intent={result.ok ? 'success' : 'error'} data-testid="team-connection-result">
            <MessageBarBody>{result.message}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.bar}>
          <Button disabled={busy} onClick={() => void run('test')}>
            {t('team.test')}
          </Button>
          <Button appearance="primary" disabled={busy} onClick={() => void run('save')}>
            {t('team.save')}
          </Button>
          {current.data?.connection && (
            <Button disabled={busy} onClick={() => void run('local')}>
              {t('team.useLocal')}
            </Button>
          )}
        </div>
      </form>
      {me.data?.engine === 'postgres' && <Members canManage={me.data.canManage} />}
    </div>
  );
}

/** The team's logins; Leitung sees everyone (the database shows the others only themselves). */
function Members({ canManage }: { canManage: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const members = useCall('team.list', {});
  const [adding, setAdding] = useState(false);
  return (
    <section className={styles.section}>
      <Subtitle2>{t('team.members')}</Subtitle2>
      {canManage && (
        <div className={styles.bar}>
          <Button onClick={() => setAdding(true)}>{t('team.newLogin')}</Button>
        </div>
      )}
      {adding && (
        <NewLoginDialog
          onClose={() => setAdding(false)}
          onCreated={() => {
            setAdding(false);
            members.reload();
          }}
        />
      )}
      <Table aria-label={t('team.members')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('team.memberName')}</TableHeaderCell>
            <TableHeaderCell>{t('team.memberRole')}</TableHeaderCell>
            <TableHeaderCell>{t('team.memberKind')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {(members.data ?? []).map((m) => (
            <TableRow key={m.id}>
              <TableCell>{m.displayName}</TableCell>
              <TableCell>{m.roleName}</TableCell>
              <TableCell>{t(`team.kinds.${m.kind}`)}{m.disabled ? ` (${t('team.disabled')})` : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
