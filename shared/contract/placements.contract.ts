import { z } from 'zod';
import { procedure } from './define.js';
import { id, isoDate } from '../domain/common.js';
import {
  aghSettings,
  establishStatementInput,
  extraCost,
  extraCostInput,
  payStatementInput,
  reopenStatementInput,
  statementStatuses,
} from '../domain/agh.js';
import {
  activatePlacementInput,
  closePlacementInput,
  communeBoard,
  fileResult,
  hoursEntry,
  hoursWeek,
  placement,
  placementCandidate,
  placementInput,
  placementUpdateInput,
  statement,
  statementInput,
} from '../domain/placements.js';

const statementStateOut = z.object({
  status: z.enum(statementStatuses),
  checkedBy: z.string().nullable(),
  establishedOn: z.string().nullable(),
  paidOn: z.string().nullable(),
});

export const placementsContract = {
  /** Participants with an active or interested enrollment in the program, who could be placed in an AGH. */
  'placements.candidates': procedure({ input: z.object({ programId: id }), output: z.array(placementCandidate) }),
  /** Per commune of the program: slots, filled (active placements), free, waiting, and its placements. */
  'placements.board': procedure({
    input: z.object({ programId: id, includeClosed: z.boolean().default(false) }),
    output: z.array(communeBoard),
  }),
  /** One placement by id. */
  'placements.get': procedure({ input: z.object({ id }), output: placement }),
  /** A person's placements in all programs, newest first, with total hours. */
  'placements.forParticipant': procedure({ input: z.object({ participantId: id }), output: z.array(placement) }),
  /**
   * Place an enrolled participant; the rate is copied from the program. Beyond the commune's slots the call fails
   * with `quota_exceeded` unless `quotaOverrideReason` is given. Warnings are returned and stored, never refuse.
   */
  'placements.create': procedure({ input: placementInput, output: placement }),
  /**
   * Correct a placement's site, activity, dates, weekly hours or agreement date. Warnings are recomputed and
   * stored as when placing; refused when recorded hours would fall outside the new period.
   */
  'placements.update': procedure({ input: placementUpdateInput, output: placement }),
  /**
   * A waiting placement takes a slot (wartend → aktiv). Fails with `quota_exceeded` when the commune's slots are
   * all taken, unless `quotaOverrideReason` is given.
   */
  'placements.activate': procedure({ input: activatePlacementInput, output: placement }),
  /** Close a placement (beendet / abgebrochen) with its end date and, optionally, the outcome that followed. */
  'placements.close': procedure({ input: closePlacementInput, output: placement }),
  /** The weekly hours grid of a commune: every placement running in that week, seven days each. */
  'placements.hoursWeek': procedure({
    input: z.object({ programId: id, communeId: id, weekStart: isoDate }),
    output: hoursWeek,
  }),
  /**
   * Saves hours in one transaction (all or nothing); 0 removes a day. Refused: negative, more than 10 h a day,
   * a day outside the placement period, a month whose statement is festgestellt, and a day, week or month above a
   * hard limit of the program's rules (the message names the person and the day).
   */
  'placements.saveHours': procedure({
    input: z.object({ entries: z.array(hoursEntry).max(10000) }),
    /** warnings: the program's rules set as warnings that the saved hours break (the hours are saved) */
    output: z.object({ saved: z.number().int(), deleted: z.number().int(), warnings: z.array(z.string()) }),
  }),
  /** Monthly statement of a commune: hours and Aufwandsentschädigung per placement, and the sum owed. */
  'placements.statement': procedure({ input: statementInput, output: statement }),
  /** The monthly statement as an Excel workbook; returns a file handle to download. */
  'placements.exportStatement': procedure({ input: statementInput, output: fileResult }),
  /** The monthly statement as a PDF document (letterhead, table, sums, "sachlich und rechnerisch richtig"). */
  'placements.exportStatementPdf': procedure({ input: statementInput, output: fileResult }),
  /** Auszahlungsquittung: the month's payout per person with date and signature lines, as PDF. */
  'placements.exportPayoutReceipts': procedure({ input: statementInput, output: fileResult }),
  /** Entwurf → festgestellt: the month's hours and extra costs are locked. */
  'placements.establishStatement': procedure({ input: establishStatementInput, output: statementStateOut }),
  /** festgestellt → Entwurf with a reason (audited), so the month's hours can be corrected. */
  'placements.reopenStatement': procedure({ input: reopenStatementInput, output: statementStateOut }),
  /** festgestellt → ausgezahlt with the payment date. */
  'placements.payStatement': procedure({ input: payStatementInput, output: statementStateOut }),
  /** A program's AGH rules and letterhead (Mittelsachsen's rules until the program sets its own). */
  'placements.aghSettings': procedure({ input: z.object({ programId: id }), output: aghSettings }),
  /** Saves a program's AGH rules and letterhead (audited). */
  'placements.saveAghSettings': procedure({ input: aghSettings, output: aghSettings }),
  /** A placement's extra costs (§ 5 Abs. 2 AsylbLG), month by month. */
  'placements.extraCosts': procedure({ input: z.object({ placementId: id }), output: z.array(extraCost) }),
  /** Records an extra cost for a month of the placement; refused in a festgestellt month. */
  'placements.addExtraCost': procedure({ input: extraCostInput, output: extraCost }),
  /** Removes an extra cost; refused in a festgestellt month. */
  'placements.removeExtraCost': procedure({ input: z.object({ id }), output: z.object({ ok: z.literal(true) }) }),
};
