import { makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { AuditTab } from './AuditTab.js';
import { GeneralTab } from './GeneralTab.js';
import { PrivacyTab } from './PrivacyTab.js';
import { TeamTab } from './TeamTab.js';
import { ReminderRulesTab } from '../today/ReminderRulesTab.js';
import { BackupsTab } from '../backups/BackupsTab.js';

const useStyles = makeStyles({
  tabs: { marginTop: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
});

const tabs = ['allgemein', 'sicherungen', 'protokoll', 'datenschutz', 'erinnerungen', 'team'] as const;
type TabName = (typeof tabs)[number];
const labelKeys: Record<TabName, string> = {
  allgemein: 'tabs.general',
  sicherungen: 'tabs.backups',
  protokoll: 'tabs.audit',
  datenschutz: 'tabs.privacy',
  erinnerungen: 'tabs.reminders',
  team: 'tabs.team',
};

/** Einstellungen: one page with tabs; each tab has its own URL (#/einstellungen/protokoll) so it can be linked. */
export function SettingsPage() {
  const styles = useStyles();
  const { t } = useTranslation('settings');
  const location = useLocation();
  const navigate = useNavigate();
  const segment = location.pathname.split('/')[2] ?? '';
  const current: TabName = (tabs as readonly string[]).includes(segment) ? (segment as TabName) : 'allgemein';
  return (
    <section aria-labelledby="settings-title">
      <Title2 as="h1" id="settings-title">
        {t('title')}
      </Title2>
      <TabList className={styles.tabs} selectedValue={current} onTabSelect={(_, d) => navigate(`/einstellungen/${String(d.value)}`)}>
        {tabs.map((tab) => (
          <Tab key={tab} value={tab}>
            {t(labelKeys[tab])}
          </Tab>
        ))}
      </TabList>
      {current === 'allgemein' && <GeneralTab />}
      {current === 'sicherungen' && <BackupsTab />}
      {current === 'protokoll' && <AuditTab />}
      {current === 'datenschutz' && <PrivacyTab />}
      {current === 'erinnerungen' && <ReminderRulesTab />}
      {current === 'team' && <TeamTab />}
    </section>
  );
}
