import { z } from 'zod';
import { procedure } from './define.js';
import { id, isoDate, optionalText } from '../domain/common.js';
import { fileResult } from '../domain/placements.js';

export const certificateDocument = z.object({
  id,
  participantId: id,
  kind: z.string(),
  title: z.string(),
  createdAt: z.string(),
});

export const certificatesContract = {
  /**
   * Teilnehmerbescheinigung of an AGH placement as PDF (German, optionally German/English), neutral by default (no
   * legal basis, no status). Records a document entry for the participant (inputs, a snapshot of what it states
   * and the PDF's SHA-256) and returns a file handle.
   */
  'certificates.create': procedure({
    input: z.object({
      placementId: id,
      bilingual: z.boolean().default(false),
      /** place of issue; defaults to the placement's commune */
      place: optionalText(100),
      /** date of issue; defaults to today */
      issuedOn: isoDate.nullable().optional().transform((v) => v ?? null),
    }),
    output: fileResult.extend({ documentId: id }),
  }),
  /**
   * The recorded certificate again as it was handed out (from the snapshot stored at issue, same bytes); a
   * certificate recorded before snapshots existed is rebuilt from its inputs and the current data.
   */
  'certificates.recreate': procedure({ input: z.object({ documentId: id }), output: fileResult }),
  /** The certificates recorded for a participant (the Dokumente list). */
  'certificates.list': procedure({ input: z.object({ participantId: id }), output: z.array(certificateDocument) }),
};
