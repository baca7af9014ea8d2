import { Button, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { EditRegular, PlayRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Placement } from '../../../../shared/domain/placements.js';
import { formatNumber } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { ActivatePlacementDialog } from './ActivatePlacementDialog.js';
import { CertificateDialog } from './CertificateDialog.js';
import { periodLabel } from './labels.js';
import { PlacementDialog } from './PlacementDialog.js';
import { useNumericStyles } from '../../components/numeric.js';

/**
 * The AGH tab of a person: their placements in every program, hours worked, the certificate of each, and the
 * corrections a coordinator makes here without going to the commune board (edit, activate a waiting one).
 */
export function ParticipantPlacementsTab({ participantId }: { participantId: number }) {
  const { t } = useTranslation('placements');
  const num = useNumericStyles();
  const list = useCall('placements.forParticipant', { participantId });
  const [certificate, setCertificate] = useState<Placement | null>(null);
  const [editing, setEditing] = useState<Placement | null>(null);
  const [activating, setActivating] = useState<Placement | null>(null);
  if (list.loading && !list.data) return <Spinner />;
  if (list.error !== undefined) return <Text>{(list.error as Error).message}</Text>;
  if (!list.data?.length) return <Text>{t('participantTab.empty')}</Text>;
  return (
    <>
      <Table aria-label={t('title', { defaultValue: 'AGH' })} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('participantTab.commune')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.site')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.activity')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.period')}</TableHeaderCell>
            <TableHeaderCell className={num.num}>{t('columns.hoursPerWeek')}</TableHeaderCell>
            <TableHeaderCell className={num.num}>{t('columns.totalHours')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.status')}</TableHeaderCell>
            <TableHeaderCell>{t('columns.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {list.data.map((p) => (
            <TableRow key={p.id} data-testid={`placement-${p.id}`}>
              <TableCell>{p.communeName}</TableCell>
              <TableCell>{p.site}</TableCell>
              <TableCell>{p.activity}</TableCell>
              <TableCell>{periodLabel(t, p.startDate, p.endDate ?? p.plannedEndDate)}</TableCell>
              <TableCell className={num.num} data-testid="hours-per-week">{p.hoursPerWeek === null ? '–' : formatNumber(p.hoursPerWeek)}</TableCell>
              <TableCell className={num.num}>{formatNumber(p.totalHoursX100 / 100)}</TableCell>
              <TableCell>{t(`status.${p.status}`)}</TableCell>
              <TableCell>
                <Button size="small" appearance="subtle" icon={<EditRegular />} onClick={() => setEditing(p)} aria-label={`${t('edit.action')}: ${p.communeName}, ${p.site}`}>
                  {t('edit.action')}
                </Button>
                {p.status === 'wartend' && (
                  <Button size="small" appearance="subtle" icon={<PlayRegular />} onClick={() => setActivating(p)} aria-label={`${t('activate.action')}: ${p.communeName}, ${p.site}`}>
                    {t('activate.action')}
                  </Button>
                )}
                <Button size="small" onClick={() => setCertificate(p)} disabled={p.status === 'wartend'}>
                  {t('certificate.action')}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {certificate && <CertificateDialog placement={certificate} onClose={() => setCertificate(null)} />}
      {editing && (
        <PlacementDialog
          mode="edit"
          placement={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) list.reload();
          }}
        />
      )}
      {activating && (
        <ActivatePlacementDialog
          placement={activating}
          // the tab does not load the commune's board; a full commune is learnt from the server's refusal
          full={false}
          onClose={(changed) => {
            setActivating(null);
            if (changed) list.reload();
          }}
        />
      )}
    </>
  );
}
