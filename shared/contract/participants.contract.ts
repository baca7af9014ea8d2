import { z } from 'zod';
import { procedure } from './define.js';
import { id, searchText } from '../domain/common.js';
import { openValue } from '../domain/participant-model.js';
import {
  duplicateMatch,
  historyEntry,
  participant,
  participantInput,
  participantList,
  participantListInput,
} from '../domain/participants.js';

export const participantsContract = {
  /**
   * Create a person. A match under the duplicate rule (same normalised name + birth date) fails with code
   * 'duplicate' and `details.matches` unless `confirmDuplicate` is true; a case number in use is a field error.
   */
  'participants.create': procedure({
    input: z.object({ data: participantInput, confirmDuplicate: z.boolean().default(false) }),
    output: participant,
  }),
  /** Replace a person's fields; the same checks as create, ignoring the person themself. */
  'participants.update': procedure({
    input: z.object({
      id,
      data: participantInput,
      confirmDuplicate: z.boolean().default(false),
      // the version the form was loaded from (updatedAt): a save over a newer one is refused as `conflict`
      // with who changed it and when (details.changedBy, details.changedAt), nothing is overwritten
      expectedUpdatedAt: z.string().max(40).optional(),
    }),
    output: participant,
  }),
  /** One person by id; `not_found` if missing. */
  'participants.get': procedure({ input: z.object({ id }), output: participant }),
  /** Archive (hide from the list) or restore a person; their data stays for reports. */
  'participants.archive': procedure({ input: z.object({ id, archived: z.boolean() }), output: participant }),
  /** One page of the registry: search, filters and sort run in SQL; `total` counts all matches. */
  'participants.list': procedure({ input: participantListInput.default(participantListInput.parse({})), output: participantList }),
  /** People matching the duplicate rule for the given name, birth date and case number (the form asks as you type). */
  'participants.checkDuplicates': procedure({
    input: z.object({
      lastName: searchText(120).nullable().default(null),
      firstName: searchText(120).nullable().default(null),
      birthDate: z.string().max(10).nullable().default(null),
      caseNumber: searchText(60).nullable().default(null),
      exceptId: id.nullable().default(null),
    }),
    output: z.array(duplicateMatch),
  }),
  /**
   * Old or imported values the catalogues could not map (residence status, nationality, residence permit without
   * its paragraph), grouped by value with the people holding them, for a person to decide (issue 14).
   */
  'participants.openValues': procedure({ input: z.object({}).default({}), output: z.array(openValue) }),
  /** Verlauf: audit entries of this person and their enrollments, newest first, with changed fields. */
  'participants.history': procedure({
    input: z.object({ id, limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(historyEntry),
  }),
};
