import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failInsertsInto } from '../../db/engine/inject-failure.js';
import { tempApp } from '../../test/temp-db.js';
import { createCommune } from '../communes/communes.service.js';
import { createProgram } from './programs.service.js';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(() => app.dispose());

describe('programs service', () => {
  it('leaves nothing half-written when a write fails between two statements of one call', async () => {
    const c = await createCommune(app.ctx.db, { name: 'Freiberg' });
    // the program row is inserted first; the commune slots second — make the second statement fail
    const lift = await failInsertsInto(app.ctx.db, 'program_communes', 'Festplatte voll');
    const auditBefore = await app.ctx.db.selectFrom('audit_log').select('id').execute();
    await expect(createProgram(app.ctx.db, { name: 'AGH Test', startDate: '2026-01-01', communes: [{ communeId: c.id, slots: 3 }] })).rejects.toThrow(/Festplatte voll/);
    expect(await app.ctx.db.selectFrom('programs').selectAll().execute()).toEqual([]);
    expect(await app.ctx.db.selectFrom('audit_log').select('id').execute()).toEqual(auditBefore);
    await lift();
    const ok = await createProgram(app.ctx.db, { name: 'AGH Test', startDate: '2026-01-01', communes: [{ communeId: c.id, slots: 3 }] });
    expect(ok.communes).toHaveLength(1);
  });
});
