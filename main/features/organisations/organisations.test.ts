import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempApp } from '../../test/temp-db.js';
import { archiveOrganisation, createOrganisation, listOrganisations, updateOrganisation } from './organisations.service.js';

type App = Awaited<ReturnType<typeof tempApp>>;
let app: App;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.dispose());

describe('organisations', () => {
  it('searches companies and partners by name, sector, city and partner type, umlauts either way', async () => {
    const db = app.ctx.db;
    await createOrganisation(db, { kind: 'company', name: 'Bäckerei Körner', sector: 'Lebensmittelhandwerk', city: 'Dresden', contactPerson: 'Frau Lehmann' });
    await createOrganisation(db, { kind: 'company', name: 'Elbtal Bau GmbH', sector: 'Bau', city: 'Pirna' });
    await createOrganisation(db, { kind: 'partner', name: 'Jobcenter Dresden', partnerType: 'Jobcenter', city: 'Dresden' });
    await createOrganisation(db, { kind: 'partner', name: 'Handwerkskammer Dresden', partnerType: 'HWK', city: 'Dresden' });
    const names = async (q: Parameters<typeof listOrganisations>[1]) => (await listOrganisations(db, q)).map((o) => o.name);
    expect(await names({ query: 'baeckerei' })).toEqual(['Bäckerei Körner']);
    expect(await names({ query: 'Körner' })).toEqual(['Bäckerei Körner']);
    expect(await names({ query: 'pirna' })).toEqual(['Elbtal Bau GmbH']);
    expect(await names({ query: 'lehmann' })).toEqual(['Bäckerei Körner']);
    expect(await names({ kind: 'partner', query: 'hwk' })).toEqual(['Handwerkskammer Dresden']);
    expect(await names({ kind: 'partner' })).toEqual(['Handwerkskammer Dresden', 'Jobcenter Dresden']);
    expect(await names({ kind: 'company', query: 'dresden' })).toEqual(['Bäckerei Körner']);
  });

  it('refuses the same company twice in the same city, hides archived ones and keeps a partner type off companies', async () => {
    const db = app.ctx.db;
    const a = await createOrganisation(db, { kind: 'company', name: 'Elbtal Bau GmbH', city: 'Dresden', partnerType: 'IHK' });
    expect(a.partnerType).toBeNull();
    const dup = await createOrganisation(db, { kind: 'company', name: 'elbtal bau gmbh', city: 'Dresden' }).catch((e: unknown) => e);
    expect(dup).toMatchObject({ code: 'duplicate', details: { existingId: a.id } });
    await createOrganisation(db, { kind: 'company', name: 'Elbtal Bau GmbH', city: 'Pirna' });
    await archiveOrganisation(db, a.id, true);
    expect((await listOrganisations(db, {})).map((o) => o.city)).toEqual(['Pirna']);
    expect(await listOrganisations(db, { includeArchived: true })).toHaveLength(2);
    const renamed = await updateOrganisation(db, a.id, { kind: 'company', name: 'Elbtal Hochbau GmbH', city: 'Dresden' });
    expect(renamed).toMatchObject({ name: 'Elbtal Hochbau GmbH', archived: true });
  });
});
