import { CounterBadge, Field, makeStyles, Select, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { setLanguage, uiLanguages } from '../i18n/index.js';
import { useReminderBadge } from '../pages/today/useReminderBadge.js';
import { routes, startPath } from './routes.js';

const useStyles = makeStyles({
  root: { display: 'flex', height: '100%' },
  nav: {
    width: '230px',
    flexShrink: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase500, paddingLeft: tokens.spacingHorizontalS },
  main: { flexGrow: 1, overflow: 'auto', padding: tokens.spacingHorizontalXXL, minWidth: 0 },
  language: { marginTop: 'auto', paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
});

/** The UI language, chosen in the frame so it is at hand on every page; remembered on this computer. */
function LanguageSwitch() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  return (
    <Field label={t('language.label')} className={styles.language}>
      <Select value={i18n.language} onChange={(_, d) => setLanguage(d.value)}>
        {uiLanguages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function Layout() {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = routes.find((r) => location.pathname.startsWith(r.path))?.path;
  const badge = useReminderBadge(location.pathname);
  return (
    <div className={styles.root}>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <Text className={styles.brand}>{t('appName')}</Text>
        <TabList vertical selectedValue={current} onTabSelect={(_, d) => navigate(String(d.value))}>
          {routes.map((r) => (
            <Tab key={r.path} value={r.path}>
              {t(r.labelKey)}
              {r.path === startPath && badge !== null && badge.total > 0 && (
                <CounterBadge
                  count={badge.total}
                  size="small"
                  color={badge.overdue > 0 ? 'danger' : 'informative'}
                  style={{ marginLeft: 8 }}
                  aria-label={t('nav.todayBadge', { count: badge.total, overdue: badge.overdue })}
                  data-testid="today-badge"
                />
              )}
            </Tab>
          ))}
        </TabList>
        <LanguageSwitch />
      </nav>
      <main className={styles.main}>
        {/* a new language re-renders the page from scratch, so no number or date keeps the old format */}
        <Outlet key={i18n.language} />
      </main>
    </div>
  );
}
