import type { z } from 'zod';
import { activitiesContract } from './activities.contract.js';
import { auditContract } from './audit.contract.js';
import { privacyContract } from './privacy.contract.js';
import { settingsContract } from './settings.contract.js';
import { backupsContract } from './backups.contract.js';
import { certificatesContract } from './certificates.contract.js';
import { communesContract } from './communes.contract.js';
import { dashboardContract } from './dashboard.contract.js';
import { enrollmentsContract } from './enrollments.contract.js';
import { fairsContract } from './fairs.contract.js';
import { financeContract } from './finance.contract.js';
import { importsContract } from './imports.contract.js';
import { organisationsContract } from './organisations.contract.js';
import { outcomesContract } from './outcomes.contract.js';
import { personDocumentsContract } from './person-documents.contract.js';
import { remindersContract } from './reminders.contract.js';
import { notesContract } from './notes.contract.js';
import { participantsContract } from './participants.contract.js';
import { placementsContract } from './placements.contract.js';
import { programsContract } from './programs.contract.js';
import { reportsContract } from './reports.contract.js';
import { systemContract } from './system.contract.js';
import { teamContract } from './team.contract.js';

/** Every procedure of Lotse, keyed `feature.verb`. Add a feature's contract here and its handlers in main/api. */
export const contract = {
  ...systemContract,
  ...settingsContract,
  ...backupsContract,
  ...auditContract,
  ...privacyContract,
  ...communesContract,
  ...programsContract,
  ...importsContract,
  ...dashboardContract,
  ...reportsContract,
  ...participantsContract,
  ...enrollmentsContract,
  ...placementsContract,
  ...certificatesContract,
  ...organisationsContract,
  ...activitiesContract,
  ...fairsContract,
  ...outcomesContract,
  ...teamContract,
  ...financeContract,
  ...personDocumentsContract,
  ...remindersContract,
  ...notesContract,
};

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type InputOf<N extends ProcedureName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends ProcedureName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends ProcedureName> = z.output<Contract[N]['output']>;

export function isProcedureName(name: string): name is ProcedureName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export type { ProgressEvent } from './define.js';
