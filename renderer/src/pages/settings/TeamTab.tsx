import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
import { teamConnection } from '../../../../shared/contract/team.contract.js';
import { invoke } from '../../api/client.js';
import { useCall } from '../../components/useCall.js';
import { useNotify } from '../../components/useNotify.js';
import { FormInput, FormSelect } from '../../components/form/fields.js';
import { FormErrorBar } from '../../components/form/FormDialog.js';
import { useLotseForm } from '../../components/form/useLotseForm.js';
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
  sslmode: string;
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
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const f = useLotseForm({
    schema: teamConnection,
    defaultValues: empty,
    toInput: (v) => ({ ...v, port: Number(v.port) }),
    submit: (connection, v) => invoke('team.saveConnection', { connection: teamConnection.parse(connection), password: v.password === '' ? null : v.password }),
    onSaved: () => {
      notify.success(t('team.saved'));
      current.reload();
    },
  });
  const { reset, handleSubmit } = f.form;

  useEffect(() => {
    const c = current.data?.connection;
    if (c) reset({ ...c, port: String(c.port), password: '' });
  }, [current.data, reset]);

  /** The connection test checks the fields like a save, but saves nothing (the form keeps its changes). */
  const test = handleSubmit(async (v) => {
    setBusy(true);
    try {
      setResult(await invoke('team.testConnection', { connection: teamConnection.parse({ ...v, port: Number(v.port) }), password: v.password === '' ? null : v.password }));
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  });

  async function switchToLocal() {
    setBusy(true);
    try {
      await invoke('team.saveConnection', { connection: null, password: null });
      notify.success(t('team.savedLocal'));
      current.reload();
    } catch (err) {
      notify.failure(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (k: Exclude<keyof Form, 'sslmode'>, label: string, type?: 'password') => <FormInput form={f} name={k} label={t(label)} type={type} />;

  return (
    <div>
      <Text block>{me.data?.engine === 'postgres' ? t('team.onServer', { role: me.data.roleName }) : t('team.onFile')}</Text>
      <form className={styles.form} noValidate onSubmit={f.onSubmit}>
        <Subtitle2 className={styles.section}>{t('team.connectionTitle')}</Subtitle2>
        <div className={styles.grid}>
          {field('host', 'team.host')}
          {field('port', 'team.port')}
        </div>
        <div className={styles.grid}>
          {field('database', 'team.database')}
          {field('user', 'team.user')}
        </div>
        <FormSelect form={f} name="sslmode" label={t('team.sslmode')}>
          <option value="verify-full">{t('team.ssl.verify-full')}</option>
          <option value="require">{t('team.ssl.require')}</option>
          <option value="disable">{t('team.ssl.disable')}</option>
        </FormSelect>
        <FormInput
          form={f}
          name="password"
          type="password"
          label={t('team.password')}
          hint={current.data?.canStorePassword ? (current.data.passwordStored ? t('team.passwordStored') : t('team.passwordKeychain')) : t('team.passwordPgpass')}
        />
        <FormErrorBar message={f.formError} />
        {result && (
          <MessageBar intent={result.ok ? 'success' : 'error'} data-testid="team-connection-result">
            <MessageBarBody>{result.message}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.bar}>
          <Button disabled={busy || f.busy} onClick={() => void test()}>
            {t('team.test')}
          </Button>
          <Button appearance="primary" type="submit" disabled={busy || f.busy}>
            {t('team.save')}
          </Button>
          {current.data?.connection && (
            <Button disabled={busy || f.busy} onClick={() => void switchToLocal()}>
              {t('team.useLocal')}
            </Button>
          )}
        </div>
        {f.discardPrompt}
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
