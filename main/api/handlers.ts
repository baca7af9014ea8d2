import { activitiesHandlers } from '../features/activities/activities.handlers.js';
import { auditHandlers } from '../features/audit/audit.handlers.js';
import { privacyHandlers } from '../features/privacy/privacy.handlers.js';
import { settingsHandlers } from '../features/settings/settings.handlers.js';
import { backupsHandlers } from '../features/backups/backups.handlers.js';
import { certificatesHandlers } from '../features/certificates/certificates.handlers.js';
import { communesHandlers } from '../features/communes/communes.handlers.js';
import { enrollmentsHandlers } from '../features/enrollments/enrollments.handlers.js';
import { dashboardHandlers } from '../features/dashboard/dashboard.handlers.js';
import { fairsHandlers } from '../features/fairs/fairs.handlers.js';
import { financeHandlers } from '../features/finance/finance.handlers.js';
import { importsHandlers } from '../features/imports/imports.handlers.js';
import { organisationsHandlers } from '../features/organisations/organisations.handlers.js';
import { outcomesHandlers } from '../features/outcomes/outcomes.handlers.js';
import { teamHandlers } from '../features/team/team.handlers.js';
import { personDocumentsHandlers } from '../features/person-documents/person-documents.handlers.js';
import { remindersHandlers } from '../features/reminders/reminders.handlers.js';
import { notesHandlers } from '../features/notes/notes.handlers.js';
import { participantsHandlers } from '../features/participants/participants.handlers.js';
import { placementsHandlers } from '../features/placements/placements.handlers.js';
import { programsHandlers } from '../features/programs/programs.handlers.js';
import { reportsHandlers } from '../features/reports/reports.handlers.js';
import { systemHandlers } from '../features/system/system.handlers.js';
import type { Handlers } from './router.js';

/** Every feature's handlers, bound to the contract. `satisfies Handlers` makes a missing one a type error. */
export const handlers = {
  ...systemHandlers,
  ...settingsHandlers,
  ...backupsHandlers,
  ...auditHandlers,
  ...privacyHandlers,
  ...communesHandlers,
  ...programsHandlers,
  ...participantsHandlers,
  ...enrollmentsHandlers,
  ...importsHandlers,
  ...dashboardHandlers,
  ...reportsHandlers,
  ...placementsHandlers,
  ...certificatesHandlers,
  ...organisationsHandlers,
  ...activitiesHandlers,
  ...fairsHandlers,
  ...outcomesHandlers,
  ...teamHandlers,
  ...financeHandlers,
  ...personDocumentsHandlers,
  ...remindersHandlers,
  ...notesHandlers,
} satisfies Handlers;
