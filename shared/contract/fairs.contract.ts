import { z } from 'zod';
import { procedure } from './define.js';
import { id, plainText, searchText } from '../domain/common.js';
import {
  contactInput,
  contactResult,
  exportedFile,
  exportFormat,
  fair,
  fairContact,
  fairDetail,
  fairFigures,
  fairInput,
  fairOffer,
  fairRegistration,
  participantFair,
  personMatch,
} from '../domain/fairs.js';

export const fairsContract = {
  /** Fairs, newest first, with their counts; optionally of one program. */
  'fairs.list': procedure({
    input: z.object({ programId: id.optional() }).default({}),
    output: z.array(fair),
  }),
  /** One fair with companies, registrations and contacts. */
  'fairs.get': procedure({ input: z.object({ id }), output: fairDetail }),
  /** Create a fair (date, venue, title, program of the day). */
  'fairs.create': procedure({ input: fairInput, output: fair }),
  /** Replace a fair's fields. */
  'fairs.update': procedure({ input: z.object({ id, data: fairInput }), output: fair }),
  /** Add a company to the fair or change its offers. */
  'fairs.setCompany': procedure({
    input: z.object({ fairId: id, organisationId: id, offers: z.array(fairOffer).default([]) }),
    output: fairDetail,
  }),
  /** Remove a company from the fair; refused while contacts with it are recorded. */
  'fairs.removeCompany': procedure({ input: z.object({ fairId: id, organisationId: id }), output: fairDetail }),
  /**
   * Register participants (already registered ones are skipped); returns how many were new. People without an
   * enrollment in the fair's program on its day are registered as visitors (`visitor: true` in the outputs).
   */
  'fairs.register': procedure({
    input: z.object({ fairId: id, participantIds: z.array(id).min(1).max(5000) }),
    output: z.object({ registered: z.number().int(), alreadyRegistered: z.number().int() }),
  }),
  /** Remove a registration (and its check-in); refused while the person has contacts at this fair. */
  'fairs.unregister': procedure({ input: z.object({ fairId: id, participantId: id }), output: z.object({ ok: z.literal(true) }) }),
  /** Name search for check-in and registration: all participants, marked registered / checked in at this fair. */
  'fairs.searchPeople': procedure({
    input: z.object({ fairId: id, query: searchText(200), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(personMatch),
  }),
  /**
   * Check a participant in. Not registered: `not_found` with `details.offerRegister = true` unless `register`
   * is set, which registers and checks in at once. `undo` clears the check-in.
   */
  'fairs.checkIn': procedure({
    input: z.object({ fairId: id, participantId: id, register: z.boolean().default(false), undo: z.boolean().default(false) }),
    output: fairRegistration,
  }),
  /** Record a conversation participant x company; the company must be present at the fair. */
  'fairs.recordContact': procedure({ input: contactInput, output: fairContact }),
  /** Change a contact's result (e.g. the invitation came later). */
  'fairs.updateContact': procedure({
    input: z.object({ id, result: contactResult, notes: plainText(1000, { multiline: true }).nullable().optional() }),
    output: fairContact,
  }),
  /** Delete a contact recorded by mistake. */
  'fairs.deleteContact': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
  /** Figures of a fair: registered, present, companies, contacts by result, later applications and outcomes. */
  'fairs.figures': procedure({ input: z.object({ id }), output: fairFigures }),
  /** A participant's fairs with check-in and contacts. */
  'fairs.forParticipant': procedure({ input: z.object({ participantId: id }), output: z.array(participantFair) }),
  /** Named attendance/signature list of the registered participants, as Excel or PDF. */
  'fairs.attendanceList': procedure({ input: z.object({ id, format: exportFormat }), output: exportedFile }),
};
