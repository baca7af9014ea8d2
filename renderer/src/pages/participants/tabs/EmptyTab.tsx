import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingVerticalL } });

/** Empty state of a tab a later feature fills (AGH, Aktivitäten, Kontakte & Bewerbungen, Ergebnisse). */
export function EmptyTab() {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  return (
    <div className={styles.box}>
      <Text weight="semibold">{t('tabs.emptyTitle')}</Text>
      <Text>{t('tabs.emptyBody')}</Text>
    </div>
  );
}
