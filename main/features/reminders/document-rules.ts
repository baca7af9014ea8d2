import type { Kysely } from 'kysely';
import { personDocumentKindLabels } from '../../../shared/domain/person-documents.js';
import { residenceTitle } from '../../../shared/rules/residence-titles.js';
import type { Database } from '../../db/schema.js';
import { reminderKey, type Candidate, type RuleWindow } from './candidate.js';
import { inCare } from './still-here.js';
import { addDays, germanDate } from '../../../shared/domain/dates.js';

type Db = Kysely<Database>;

/**
 * A document expires within the lead time or has expired. A document with a successor of the same kind (another
 * one valid longer, or without end) is settled by that successor and not listed. People still in care only.
 */
export async function documentExpiry(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('person_documents as d')
    .innerJoin('participants as p', 'p.id', 'd.participant_id')
    .where('p.anonymised_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .where('d.valid_until', 'is not', null)
    .where('d.valid_until', '<=', addDays(w.until, w.days))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('person_documents as n')
            .select('n.id')
            .whereRef('n.participant_id', '=', 'd.participant_id')
            .whereRef('n.kind', '=', 'd.kind')
            .whereRef('n.id', '<>', 'd.id')
            .where((eb) => eb.or([eb('n.valid_until', 'is', null), eb('n.valid_until', '>', eb.ref('d.valid_until'))])),
        ),
      ),
    )
    .select(['d.id', 'd.participant_id', 'd.kind', 'd.valid_until'])
    .execute();
  const care = await inCare(db, rows.map((r) => r.participant_id));
  return rows.filter((r) => care.has(r.participant_id)).map((r) => {
    const until = r.valid_until!;
    const label = personDocumentKindLabels[r.kind];
    return {
      key: reminderKey('document_expiry', r.participant_id, r.id, until),
      kind: 'document_expiry',
      due: until,
      showFrom: addDays(until, -w.days),
      participantId: r.participant_id,
      title: until < w.today ? `${label} seit ${germanDate(addDays(until, 1))} abgelaufen` : `${label} gültig bis ${germanDate(until)}`,
      settle: { kind: 'document', participantId: r.participant_id, recordId: r.id, month: null },
    };
  });
}

interface PaperDoc {
  participant_id: number;
  kind: string;
  valid_from: string | null;
  valid_until: string | null;
}

const covers = (d: PaperDoc, day: string) => (d.valid_from === null || d.valid_from <= day) && (d.valid_until === null || d.valid_until >= day);

/**
 * An AGH placement starts (within the lead time, or has started and is not over) while the person has no work
 * permit covering the start — needed unless the current title allows work outright — or no Teilnahmevereinbarung
 * (neither a signing date on the placement nor such a document).
 */
export async function placementPapers(db: Db, w: RuleWindow): Promise<Candidate[]> {
  const placements = await db
    .selectFrom('placements as a')
    .innerJoin('participants as p', 'p.id', 'a.participant_id')
    .where('p.anonymised_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .where('a.status', 'in', ['wartend', 'aktiv'])
    .where('a.start_date', '<=', addDays(w.until, w.days))
    .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', w.today)]))
    .select(['a.id', 'a.participant_id', 'a.start_date', 'a.agreement_signed_on', 'p.residence_title_code'])
    .execute();
  if (placements.length === 0) return [];
  const docs: PaperDoc[] = await db
    .selectFrom('person_documents')
    .select(['participant_id', 'kind', 'valid_from', 'valid_until'])
    .where('kind', 'in', ['arbeitserlaubnis', 'teilnahmevereinbarung'])
    .where('participant_id', 'in', [...new Set(placements.map((p) => p.participant_id))])
    .execute();
  const out: Candidate[] = [];
  for (const a of placements) {
    const own = docs.filter((d) => d.participant_id === a.participant_id);
    const permitNeeded = residenceTitle(a.residence_title_code)?.labourMarket !== 'allowed';
    const noPermit = permitNeeded && !own.some((d) => d.kind === 'arbeitserlaubnis' && covers(d, a.start_date));
    const noAgreement = a.agreement_signed_on === null && !own.some((d) => d.kind === 'teilnahmevereinbarung');
    if (!noPermit && !noAgreement) continue;
    const missing = [noPermit ? 'Arbeitserlaubnis' : null, noAgreement ? 'Teilnahmevereinbarung' : null].filter(Boolean).join(' und ');
    out.push({
      key: reminderKey('placement_papers', a.participant_id, a.id, a.start_date),
      kind: 'placement_papers',
      due: a.start_date,
      showFrom: addDays(a.start_date, -w.days),
      participantId: a.participant_id,
      title: `AGH ab ${germanDate(a.start_date)}: ${missing} ${noPermit && noAgreement ? 'fehlen' : 'fehlt'}`,
      settle: noPermit
        ? { kind: 'newDocument', participantId: a.participant_id, recordId: null, month: null }
        : { kind: 'placement', participantId: a.participant_id, recordId: a.id, month: null },
    });
  }
  return out;
}
