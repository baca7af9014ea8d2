import {
  defaultParticipantListColumns,
  participantListColumns,
  participantListExportInput,
  type ParticipantListColumn,
} from '../../shared/contract/reports.contract.js';
import { AppError } from '../../shared/errors.js';
import { startApp } from '../app.js';
import { participantListColumnSpecs } from '../excel/export/participant-list.js';
import { listCommunes } from '../features/communes/communes.service.js';
import { findProgramByName } from '../features/programs/programs.service.js';
import { exportParticipantList } from '../features/reports/participant-list.service.js';
import type { CliArgs } from './args.js';
import { outputFile } from './output.js';

/** "lastName,Vorname, Geburtsdatum" → column keys; a column is named by its key or its German header. */
export function parseColumns(text: string | undefined): ParticipantListColumn[] {
  if (text === undefined) return [...defaultParticipantListColumns];
  const byName = new Map<string, ParticipantListColumn>();
  for (const c of participantListColumns) {
    byName.set(c.toLowerCase(), c);
    byName.set(participantListColumnSpecs[c].header.toLowerCase(), c);
  }
  const out: ParticipantListColumn[] = [];
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const c = byName.get(raw.toLowerCase());
    if (!c) {
      throw new AppError(
        'validation',
        `--columns: unbekannte Spalte "${raw}". Möglich: ${participantListColumns.join(', ')}.`,
        `--columns: unknown column "${raw}".`,
      );
    }
    if (!out.includes(c)) out.push(c);
  }
  if (out.length === 0) throw new AppError('validation', '--columns nennt keine Spalte.', '--columns names no column.');
  return out;
}

/**
 * `lotse report participant-list --db PATH [--program NAME] [--commune NAME] [--columns a,b,c] --out FILE.xlsx`:
 * the named participant list the Berichte page exports, with the same filter rules, and the same Protokoll entry.
 */
export async function runParticipantList(args: CliArgs, dbPath: string): Promise<number> {
  const programName = args.values.program as string | undefined;
  const communeName = args.values.commune as string | undefined;
  const out = args.values.out as string | undefined;
  if (!out) {
    throw new AppError(
      'validation',
      'report participant-list braucht --out DATEI.xlsx (optional --program NAME, --commune NAME, --columns a,b,c).',
      'report participant-list needs --out.',
    );
  }
  const columns = parseColumns(args.values.columns as string | undefined);
  const app = await startApp(dbPath, 'cli', { mustExist: true });
  try {
    const program = programName ? await findProgramByName(app.ctx.reader, programName) : null;
    let communeId: number | null = null;
    if (communeName) {
      const all = await listCommunes(app.ctx.reader);
      const c = all.find((x) => x.name.toLowerCase() === communeName.trim().toLowerCase());
      if (!c) {
        const known = all.map((x) => `"${x.name}"`).join(', ') || 'keine';
        throw new AppError('not_found', `Kommune "${communeName}" nicht gefunden. Vorhanden: ${known}.`, `Commune "${communeName}" not found.`);
      }
      communeId = c.id;
    }
    const input = { filter: { programId: program?.id ?? null, communeId }, columns };
    const parsed = participantListExportInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('validation', `--columns: ${issue?.message ?? 'ungültig'}.`, 'Invalid --columns.');
    }
    // after every other check, so a wrong flag is named first; still before anything is written
    const file = outputFile(out, args.values.force === true);
    const { count } = await exportParticipantList(app.ctx.reader, app.ctx.db, input, file);
    process.stdout.write(`Teilnehmendenliste: ${count} ${count === 1 ? 'Person' : 'Personen'} → ${file}\n`);
    process.stdout.write('Hinweis: Die Datei enthält personenbezogene Daten; der Export steht im Protokoll.\n');
    return 0;
  } finally {
    await app.close();
  }
}
