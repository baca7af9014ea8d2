import {
  makeStyles,
  ProgressBar,
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
import { useTranslation } from 'react-i18next';
import type { TargetFigure } from '../../../../shared/domain/reports.js';
import { formatNumber } from '../../components/format.js';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { minWidth: '120px' },
});

/** Share as "62,5 %", or "–" when nothing was planned. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${formatNumber(Math.round(share * 1000) / 10)} %`;
}

/**
 * Targets of the grant decision (planned for the whole program) next to the figure of the chosen period, with the
 * share reached. A program without targets says where to set them.
 */
export function TargetsSection({ targets }: { targets: TargetFigure[] }) {
  const styles = useStyles();
  const { t } = useTranslation('dashboard');
  return (
    <section className={styles.section} aria-labelledby="targets-title" data-testid="targets">
      <Subtitle2 as="h2" id="targets-title">
        {t('targets.title')}
      </Subtitle2>
      {targets.length === 0 ? (
        <Text>{t('targets.none')}</Text>
      ) : (
        <>
          <Text size={200}>{t('targets.hint')}</Text>
          <Table aria-label={t('targets.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('targets.target')}</TableHeaderCell>
                <TableHeaderCell>{t('targets.planned')}</TableHeaderCell>
                <TableHeaderCell>{t('targets.actual')}</TableHeaderCell>
                <TableHeaderCell>{t('targets.share')}</TableHeaderCell>
                <TableHeaderCell aria-hidden />
              </TableRow>
            </TableHeader>
            <TableBody>
              {targets.map((x) => (
                <TableRow key={x.key} data-testid={`target-${x.key}`}>
                  <TableCell>{t(`programs:targets.${x.key}`, { defaultValue: x.label })}</TableCell>
                  <TableCell>{formatNumber(x.planned)}</TableCell>
                  <TableCell>{formatNumber(x.actual)}</TableCell>
                  <TableCell>{formatShare(x.share)}</TableCell>
                  <TableCell className={styles.bar}>
                    <ProgressBar
                      value={Math.min(x.share ?? 0, 1)}
                      color={x.share !== null && x.share >= 1 ? 'success' : 'brand'}
                      aria-label={`${x.label}: ${formatShare(x.share)}`}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
