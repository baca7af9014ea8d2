import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL } });

/** The evaluated rule: eligible or not, with one line per condition ("Wohnort Dresden ✓"). */
export function EligibilityBox({ result }: { result: { eligible: boolean; reasons: { ok: boolean; text: string }[]; summary: string } }) {
  const styles = useStyles();
  const { t } = useTranslation('participants');
  return (
    <MessageBar intent={result.eligible ? 'success' : 'warning'} layout="multiline" data-testid="eligibility">
      <MessageBarBody>
        <MessageBarTitle>{t(result.eligible ? 'enrollments.eligible' : 'enrollments.notEligible')}</MessageBarTitle>
        {result.reasons.length === 0 ? (
          result.summary
        ) : (
          <ul className={styles.list}>
            {result.reasons.map((r, i) => (
              <li key={i}>{r.text}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
