import type { ReactElement } from 'react';
import { NotYetPage } from '../pages/placeholder/NotYetPage.js';
import { ProgramsPage } from '../pages/programs/ProgramsPage.js';

export interface AppRoute {
  /** German URL segment, as coordinators would say it */
  path: string;
  /** i18n key of the navigation label (common:nav.*) */
  labelKey: string;
  element: ReactElement;
}

/** The left navigation, in the order coordinators work. Features replace their NotYetPage when they land. */
export const routes: AppRoute[] = [
  { path: '/uebersicht', labelKey: 'nav.dashboard', element: <NotYetPage titleKey="nav.dashboard" /> },
  { path: '/teilnehmende', labelKey: 'nav.participants', element: <NotYetPage titleKey="nav.participants" /> },
  { path: '/programme', labelKey: 'nav.programs', element: <ProgramsPage /> },
  { path: '/agh', labelKey: 'nav.placements', element: <NotYetPage titleKey="nav.placements" /> },
  { path: '/aktivitaeten', labelKey: 'nav.activities', element: <NotYetPage titleKey="nav.activities" /> },
  { path: '/boersen', labelKey: 'nav.fairs', element: <NotYetPage titleKey="nav.fairs" /> },
  { path: '/organisationen', labelKey: 'nav.organisations', element: <NotYetPage titleKey="nav.organisations" /> },
  { path: '/import', labelKey: 'nav.imports', element: <NotYetPage titleKey="nav.imports" /> },
  { path: '/berichte', labelKey: 'nav.reports', element: <NotYetPage titleKey="nav.reports" /> },
  { path: '/einstellungen', labelKey: 'nav.settings', element: <NotYetPage titleKey="nav.settings" /> },
];
