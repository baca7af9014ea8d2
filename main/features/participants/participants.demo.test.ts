import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { seedDemo } from '../demo/demo.seed.js';
import { participantsDemoStep, seedLarge } from './participants.demo.js';
import { listParticipants } from './participants.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

describe('participants demo step', () => {
  it('seeds 40 people in both programs, all eligible (no exception to report), all audited', async () => {
    const result = await seedDemo(app.ctx.db, 'small', [participantsDemoStep]);
    expect(result).toMatchObject({ participants: 40, enrollments: 40 });
    const enrollments = await app.ctx.db.selectFrom('enrollments').selectAll().execute();
    expect(new Set(enrollments.map((e) => e.program_id)).size).toBe(2);
    expect(enrollments.filter((e) => e.eligible === 0 || e.override_reason !== null)).toEqual([]);
    // started enrollments carry the characteristics at entry
    expect(enrollments.filter((e) => e.start_date !== null && e.entry_snapshot_on !== e.start_date)).toEqual([]);
    const audits = await app.ctx.db.selectFrom('audit_log').select('entity').where('entity', 'in', ['participant', 'enrollment']).execute();
    expect(audits).toHaveLength(80);
  });

  it('the large set is written in batches with the same keys the service computes', async () => {
    await seedDemo(app.ctx.db, 'small', []);
    const programs = await app.ctx.db.selectFrom('programs').select(['id', 'name']).execute();
    const communes = await app.ctx.db.selectFrom('communes').select(['id', 'name']).execute();
    const programIds = {
      agh: programs.find((p) => p.name.startsWith('AGH'))!.id,
      mentoring: programs.find((p) => p.name.startsWith('Arbeitsmarkt'))!.id,
    };
    await seedLarge(app.ctx.db, programIds, Object.fromEntries(communes.map((c) => [c.name, c.id])), 2000);
    const list = await listParticipants(app.ctx.db, { search: 'gr-001234' });
    expect(list.total).toBe(1);
    const missingKeys = await app.ctx.db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('name_key', 'is', null), eb('search_text', '=', ''), eb('birth_year', 'is', null)]))
      .executeTakeFirstOrThrow();
    expect(Number(missingKeys.n)).toBe(0);
    expect((await listParticipants(app.ctx.db, { programId: programIds.agh })).total).toBe(100);
  });
});
