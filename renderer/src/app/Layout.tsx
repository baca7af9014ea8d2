import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { routes } from './routes.js';

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
});

export function Layout() {
  const styles = useStyles();
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const current = routes.find((r) => location.pathname.startsWith(r.path))?.path;
  return (
    <div className={styles.root}>
      <nav className={styles.nav} aria-label={t('nav.label')}>
        <Text className={styles.brand}>{t('appName')}</Text>
        <TabList vertical selectedValue={current} onTabSelect={(_, d) => navigate(String(d.value))}>
          {routes.map((r) => (
            <Tab key={r.path} value={r.path}>
              {t(r.labelKey)}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main className={styles.main}>
        <Outlet />
      </main>
    </div>
  );
}
