import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputOf } from '../../../../shared/contract/index.js';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';
import { AnonymiseDialog } from './AnonymiseDialog.js';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

/** "Aufbewahrungsfrist abgelaufen": people past retention, anonymised one by one or all at once. */
export function RetentionList({ onChanged }: { onChanged?: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation('privacy');
  const past = useCall('privacy.pastRetention', {});
  const [pending, setPending] = useState<{ request: InputOf<'privacy.anonymise'>; count: number } | null>(null);
  const items = past.data ?? [];
  return (
    <section aria-labelledby="retention-title">
      <div className={styles.head}>
        <Subtitle2 as="h2" id="retention-title">
          {t('retention.title')}
        </Subtitle2>
        {items.length > 0 && (
          <Button appearance="primary" onClick={() => setPending({ request: { pastRetention: true }, count: items.length })}>
            {t('retention.anonymiseAll', { count: items.length })}
          </Button>
        )}
      </div>
      <Text className={styles.intro}>{t('retention.intro')}</Text>
      {past.loading && !past.data && <Spinner label={t('common:states.loading')} />}
      {past.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(past.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {past.data?.length === 0 && <Text>{t('retention.empty')}</Text>}
      {items.length > 0 && (
        <Table aria-label={t('retention.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('retention.name')}</TableHeaderCell>
              <TableHeaderCell>{t('retention.programs')}</TableHeaderCell>
              <TableHeaderCell>{t('retention.since')}</TableHeaderCell>
              <TableHeaderCell aria-label={t('anonymise.button')} />
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.slice(0, 500).map((p) => (
              <TableRow key={p.participantId} data-testid="retention-row">
                <TableCell>
                  {[p.lastName, p.firstName].filter(Boolean).join(', ') || `Nr. ${p.participantId}`}
                </TableCell>
                <TableCell>{p.programs.join(', ')}</TableCell>
                <TableCell>{formatDate(p.pastSince)}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setPending({ request: { participantId: p.participantId, reason: 'retention' }, count: 1 })}>
                    {t('anonymise.button')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pending && (
        <AnonymiseDialog
          request={pending.request}
          count={pending.count}
          onClose={(done) => {
            setPending(null);
            if (done) {
              past.reload();
              onChanged?.();
            }
          }}
        />
      )}
    </section>
  );
}
