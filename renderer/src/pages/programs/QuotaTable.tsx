import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../components/useCall.js';

/** Per commune of one program: AGH slots, filled (active placements), free and waiting. */
export function QuotaTable({ programId, programName }: { programId: number; programName: string }) {
  const { t } = useTranslation('programs');
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
              <TableHeaderCell>{t('quota.slots')}</TableHeaderCell>
              <TableHeaderCell>{t('quota.filled')}</TableHeaderCell>
              <TableHeaderCell>{t('quota.free')}</TableHeaderCell>
              <TableHeaderCell>{t('quota.waiting')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {quota.data.map((q) => (
              <TableRow key={q.communeId}>
                <TableCell>{q.communeName}</TableCell>
                <TableCell>{q.slots}</TableCell>
                <TableCell>{q.filled}</TableCell>
                <TableCell>{q.free}</TableCell>
                <TableCell>{q.waiting}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
