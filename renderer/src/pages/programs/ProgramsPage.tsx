import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, EditRegular, SettingsRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/domain/programs.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { AghRulesDialog } from './AghRulesDialog.js';
import { ProgramDialog } from './ProgramDialog.js';
import { QuotaTable } from './QuotaTable.js';
import { useNumericStyles } from '../../components/numeric.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginBottom: tokens.spacingVerticalL },
  communes: { color: tokens.colorNeutralForeground2 },
  quota: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalXXL },
  program: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  rulesButton: { maxWidth: '100%' },
});

export function ProgramsPage() {
  const styles = useStyles();
  const { t } = useTranslation('programs');
  const num = useNumericStyles();
  const programs = useCall('programs.list', { includeArchived: false });
  const [editing, setEditing] = useState<Program | 'new' | null>(null);
  const [rulesOf, setRulesOf] = useState<Program | null>(null);

  return (
    <section aria-labelledby="programs-title">
      <div className={styles.header}>
        <Title2 as="h1" id="programs-title">
          {t('title')}
        </Title2>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing('new')}>
          {t('new')}
        </Button>
      </div>
      {programs.loading && !programs.data && <Spinner label={t('common:states.loading')} />}
      {programs.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(programs.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {programs.data && programs.data.length === 0 && <Text>{t('empty')}</Text>}
      {programs.data && programs.data.length > 0 && (
        <Table aria-label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('columns.name')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.operator')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.period')}</TableHeaderCell>
              <TableHeaderCell>{t('columns.communes')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('columns.slots')}</TableHeaderCell>
              <TableHeaderCell aria-label={t('common:actions.edit')} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {programs.data.map((p) => (
              <TableRow key={p.id} data-testid={`program-row-${p.id}`}>
                <TableCell>
                  <TableCellLayout>{p.name}</TableCellLayout>
                </TableCell>
                <TableCell>{p.operator}</TableCell>
                <TableCell>
                  {formatDate(p.startDate)} – {p.endDate ? formatDate(p.endDate) : t('open')}
                </TableCell>
                <TableCell className={styles.communes}>
                  {p.communes.map((c) => `${c.communeName} (${c.slots})`).join(', ')}
                </TableCell>
                <TableCell className={num.num}>{p.communes.reduce((s, c) => s + c.slots, 0)}</TableCell>
                <TableCell>
                  <Button
                    appearance="subtle"
                    icon={<EditRegular />}
                    aria-label={`${t('common:actions.edit')}: ${p.name}`}
                    onClick={() => setEditing(p)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {programs.data && programs.data.some((p) => p.communes.length > 0) && (
        <section aria-labelledby="quota-title" className={styles.quota}>
          <Title3 as="h2" id="quota-title">
            {t('quota.title')}
          </Title3>
          {programs.data
            .filter((p) => p.communes.length > 0)
            .map((p) => (
              <div key={`${p.id}-${p.updatedAt}`} className={styles.program}>
                {/* keyed by updatedAt so the figures reload after the program was edited */}
                <QuotaTable programId={p.id} programName={p.name} />
                {/* AGH rules concern programs with AGH places, as the AGH page lists them */}
                {p.communes.some((c) => c.slots > 0) && (
                  <Button className={styles.rulesButton} icon={<SettingsRegular />} onClick={() => setRulesOf(p)}>
                    {t('aghRules.open', { name: p.name })}
                  </Button>
                )}
              </div>
            ))}
        </section>
      )}
      {rulesOf !== null && <AghRulesDialog programId={rulesOf.id} programName={rulesOf.name} onClose={() => setRulesOf(null)} />}
      {editing !== null && (
        <ProgramDialog
          program={editing === 'new' ? null : editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) programs.reload();
          }}
        />
      )}
    </section>
  );
}
