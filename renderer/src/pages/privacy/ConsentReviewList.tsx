import {
  Badge,
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
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format.js';
import { useCall } from '../../components/useCall.js';

const useStyles = makeStyles({ intro: { display: 'block', marginBottom: tokens.spacingVerticalS } });

const colors = { withdrawn: 'danger', expired: 'danger', expiring: 'warning', missing: 'informative' } as const;

/** "Einwilligungen prüfen": missing, withdrawn, expired and soon-expiring consents. */
export function ConsentReviewList() {
  const styles = useStyles();
  const { t } = useTranslation('privacy');
  const review = useCall('privacy.consentReview', { limit: 500 });
  return (
    <section aria-labelledby="consent-review-title">
      <Subtitle2 as="h2" id="consent-review-title">
        {t('consentReview.title')}
      </Subtitle2>
      <Text className={styles.intro}>{t('consentReview.intro')}</Text>
      {review.loading && !review.data && <Spinner label={t('common:states.loading')} />}
      {review.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{(review.error as Error).message}</MessageBarBody>
        </MessageBar>
      )}
      {review.data?.total === 0 && <Text>{t('consentReview.empty')}</Text>}
      {review.data && review.data.items.length > 0 && (
        <>
          <Text>{t('consentReview.total', { shown: review.data.items.length, count: review.data.total })}</Text>
          <Table aria-label={t('consentReview.title')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('consentReview.name')}</TableHeaderCell>
                <TableHeaderCell>{t('consentReview.state')}</TableHeaderCell>
                <TableHeaderCell>{t('consentReview.date')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {review.data.items.map((i) => (
                <TableRow key={i.participantId} data-testid="consent-row">
                  <TableCell>{[i.lastName, i.firstName].filter(Boolean).join(', ') || `Nr. ${i.participantId}`}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={colors[i.state]}>
                      {t(`states.${i.state}`)}
                    </Badge>
                  </TableCell>
                  <TableCell>{formatDate(i.date)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
