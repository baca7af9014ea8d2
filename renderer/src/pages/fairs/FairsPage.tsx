import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../components/format.js';
import { rememberProgram } from '../../components/programInView.js';
import { useCall } from '../../components/useCall.js';
import { FairDetailPage } from './FairDetailPage.js';
import { FairDialog } from './FairDialog.js';
import { useNumericStyles } from '../../components/numeric.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: tokens.spacingVerticalL },
  filter: { maxWidth: '360px', marginBottom: tokens.spacingVerticalM },
});

/** Firmenkontaktbörsen: list at /boersen, one fair at /boersen/:id. */
export function FairsPage() {
  return (
    <Routes>
      <Route index element={<FairList />} />
      <Route path=":id" element={<FairDetailPage />} />
    </Routes>
  );
}

function FairList() {
  const styles = useStyles();
  const num = useNumericStyles();
  const { t } = useTranslation('fairs');
  const [params, setParams] = useSearchParams();
  // the program in view lives in the URL (?programId=), like the Übersicht's; none: every program's fairs
  const shown = Number(params.get('programId')) || null;
  const programs = useCall('programs.list', { includeArchived: false });
  const fairs = useCall('fairs.list', shown ? { programId: shown } : {});
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const show = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set('programId', value);
      rememberProgram(Number(value));
    } else next.delete('programId');
    setParams(next, { replace: true });
  };

  return (
    <section aria-labelledby="fairs-title">
      <div className={styles.header}>
        <Title2 as="h1" id="fairs-title">
          {t('title')}
        </Title2>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setCreating(true)}>
          {t('new')}
        </Button>
      </div>
      {programs.data && programs.data.length > 1 && (
        <Field label={t('fields.program')} className={styles.filter}>
          <Select value={shown ? String(shown) : ''} onChange={(_, d) => show(d.value)}>
            <option value="">{t('allPrograms')}</option>
            {programs.data.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {fairs.loading && !fairs.data && <Spinner label={t('common:states.loading')} />}
      {fairs.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(fairs.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {fairs.data && fairs.data.length === 0 && <Text>{t('empty')}</Text>}
      {fairs.data && fairs.data.length > 0 && (
        <Table aria-label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columns.date')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.title')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.venue')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('columns.companies')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('columns.registered')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('columns.present')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('columns.contacts')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {fairs.data.map((f) => (
              <TableRow key={f.id}>
                <TableCell>{formatDate(f.date)}</TableCell>
                <TableCell>
                  <Link to={`/boersen/${f.id}`}>{f.title}</Link>
                </TableCell>
                <TableCell>{f.venue}</TableCell>
                <TableCell className={num.num}>{f.companies}</TableCell>
                <TableCell className={num.num}>{f.registered}</TableCell>
                <TableCell className={num.num}>{f.present}</TableCell>
                <TableCell className={num.num}>{f.contacts}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {creating && (
        <FairDialog
          fair={null}
          shownProgramId={shown}
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/boersen/${saved.id}`);
          }}
        />
      )}
    </section>
  );
}
