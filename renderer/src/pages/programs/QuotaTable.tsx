import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNumericStyles } from '../../components/numeric.js';
import { useCall } from '../../components/useCall.js';

/** Per commune of one program: AGH slots, filled (active placements), free and waiting. */
export function QuotaTable({ programId, programName }: { programId: number; programName: string }) {
  const { t } = useTranslation('programs');
  const num = useNumericStyles();
  const quota = useCall('enrollments.quota', { programId });
  const title = t('quota.program', { name: programName });
  return (
    <div data-testid={`quota-${programId}`}>
      <Text as="h3" weight="semibold" block>
        {title}
      </Text>
      {quota.data && quota.data.length === 0 && <Text>{t('quota.none')}</Text>}
      {quota.data && quota.data.length > 0 && (
        <Table size="small" aria-label={title}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('quota.commune')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('quota.slots')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('quota.filled')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('quota.free')}</TableHeaderCell>
              <TableHeaderCell className={num.num}>{t('quota.waiting')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {quota.data.map((q) => (
              <TableRow key={q.communeId}>
                <TableCell>{q.communeName}</TableCell>
                <TableCell className={num.num}>{q.slots}</TableCell>
                <TableCell className={num.num}>{q.filled}</TableCell>
                <TableCell className={num.num}>{q.free}</TableCell>
                <TableCell className={num.num}>{q.waiting}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
