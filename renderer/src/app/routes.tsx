import { lazy, type ComponentType, type ReactElement } from 'react';
import { DashboardPage } from '../pages/dashboard/DashboardPage.js';
import { TodayPage } from '../pages/today/TodayPage.js';

export interface AppRoute {
  /** German URL segment, as coordinators would say it */
  path: string;
  /** i18n key of the navigation label (common:nav.*) */
  labelKey: string;
  element: ReactElement;
}

/**
 * A page loaded on first visit: its code (and libraries only it uses) stays out of the bundle the first screen
 * waits for. `load` stays callable on its own so the shell can fetch the pages ahead once the first screen shows.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Page = lazy(() => load().then((m) => ({ default: pick(m) })));
  return { element: <Page />, load };
}

const participants = lazyPage(() => import('../pages/participants/ParticipantsPage.js'), (m) => m.ParticipantsPage);
const programs = lazyPage(() => import('../pages/programs/ProgramsPage.js'), (m) => m.ProgramsPage);
const placements = lazyPage(() => import('../pages/placements/PlacementsPage.js'), (m) => m.PlacementsPage);
const activities = lazyPage(() => import('../pages/activities/ActivitiesPage.js'), (m) => m.ActivitiesPage);
const fairs = lazyPage(() => import('../pages/fairs/FairsPage.js'), (m) => m.FairsPage);
const organisations = lazyPage(() => import('../pages/organisations/OrganisationsPage.js'), (m) => m.OrganisationsPage);
const imports = lazyPage(() => import('../pages/imports/ImportPage.js'), (m) => m.ImportPage);
const finance = lazyPage(() => import('../pages/finance/FinancePage.js'), (m) => m.FinancePage);
const reports = lazyPage(() => import('../pages/reports/ReportsPage.js'), (m) => m.ReportsPage);
const settings = lazyPage(() => import('../pages/settings/SettingsPage.js'), (m) => m.SettingsPage);

/** Loaders of every lazily loaded page, for fetching them ahead while the user looks at the first screen. */
export const pageLoaders = [programs, participants, placements, activities, fairs, organisations, imports, finance, reports, settings].map((p) => p.load);

/**
 * The left navigation, in the order coordinators work; Heute is the start page. Heute and the Übersicht stay in the
 * shell's bundle: opened on a cold start, their first request should not wait for a second script to arrive first.
 */
export const startPath = '/heute';
export const routes: AppRoute[] = [
  { path: '/heute', labelKey: 'nav.today', element: <TodayPage /> },
  { path: '/uebersicht', labelKey: 'nav.dashboard', element: <DashboardPage /> },
  { path: '/teilnehmende', labelKey: 'nav.participants', element: participants.element },
  { path: '/programme', labelKey: 'nav.programs', element: programs.element },
  { path: '/agh', labelKey: 'nav.placements', element: placements.element },
  { path: '/aktivitaeten', labelKey: 'nav.activities', element: activities.element },
  { path: '/boersen', labelKey: 'nav.fairs', element: fairs.element },
  { path: '/organisationen', labelKey: 'nav.organisations', element: organisations.element },
  { path: '/import', labelKey: 'nav.imports', element: imports.element },
  { path: '/finanzen', labelKey: 'nav.finance', element: finance.element },
  { path: '/berichte', labelKey: 'nav.reports', element: reports.element },
  { path: '/einstellungen', labelKey: 'nav.settings', element: settings.element },
];
