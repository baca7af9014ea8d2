import { makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ConsentReviewList } from '../privacy/ConsentReviewList.js';
import { ProgramPrivacySettings } from '../privacy/ProgramPrivacySettings.js';
import { RetentionList } from '../privacy/RetentionList.js';

const useStyles = makeStyles({ root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL } });

/** Datenschutz: retention clean-up, consent review, and each program's data protection settings. */
export function PrivacyTab() {
  const styles = useStyles();
  // a changed retention setting changes who is past retention: remount the list
  const [version, setVersion] = useState(0);
  return (
    <div className={styles.root}>
      <RetentionList key={version} />
      <ConsentReviewList />
      <ProgramPrivacySettings onChanged={() => setVersion((v) => v + 1)} />
    </div>
  );
}
