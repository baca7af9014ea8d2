import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
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
import { Link, Route, Routes, useNavigate } from 'react-router';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { FairDetailPage } from './FairDetailPage.js';
import { FairDialog } from './FairDialog.js';
import { useNumericStyles } from '../../components/numeric.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: tokens.spacingVerticalL },
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
  const fairs = useCall('fairs.list', {});
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

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
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate(`/boersen/${saved.id}`);
          }}
        />
      )}
    </section>
  );
}
