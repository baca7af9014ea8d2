import type { ReactElement } from 'react';
import { ActivitiesPage } from '../pages/activities/ActivitiesPage.js';
import { FairsPage } from '../pages/fairs/FairsPage.js';
import { ImportPage } from '../pages/imports/ImportPage.js';
import { OrganisationsPage } from '../pages/organisations/OrganisationsPage.js';
import { DashboardPage } from '../pages/dashboard/DashboardPage.js';
import { ParticipantsPage } from '../pages/participants/ParticipantsPage.js';
import { PlacementsPage } from '../pages/placements/PlacementsPage.js';
import { ProgramsPage } from '../pages/programs/ProgramsPage.js';
import { ReportsPage } from '../pages/reports/ReportsPage.js';
import { SettingsPage } from '../pages/settings/SettingsPage.js';

export interface AppRoute {
  /** German URL segment, as coordinators would say it */
  path: string;
  /** i18n key of the navigation label (common:nav.*) */
  labelKey: string;
  element: ReactElement;
}

/** The left navigation, in the order coordinators work. Features replace their NotYetPage when they land. */
export const routes: AppRoute[] = [
  { path: '/uebersicht', labelKey: 'nav.dashboard', element: <DashboardPage /> },
  { path: '/teilnehmende', labelKey: 'nav.participants', element: <ParticipantsPage /> },
  { path: '/programme', labelKey: 'nav.programs', element: <ProgramsPage /> },
  { path: '/agh', labelKey: 'nav.placements', element: <PlacementsPage /> },
  { path: '/aktivitaeten', labelKey: 'nav.activities', element: <ActivitiesPage /> },
  { path: '/boersen', labelKey: 'nav.fairs', element: <FairsPage /> },
  { path: '/organisationen', labelKey: 'nav.organisations', element: <OrganisationsPage /> },
  { path: '/import', labelKey: 'nav.imports', element: <ImportPage /> },
  { path: '/berichte', labelKey: 'nav.reports', element: <ReportsPage /> },
  { path: '/einstellungen', labelKey: 'nav.settings', element: <SettingsPage /> },
];
