import { callApi, type LotseServer } from './fixtures.js';

/** Calls one procedure through the page's HTTP API (one helper for all specs: fixtures' callApi). */
export const api = callApi;

/** The id of a program or commune by its name. */
export async function idByName(server: LotseServer, list: 'programs.list' | 'communes.list', name: string): Promise<number> {
  const rows = await api<Array<{ id: number; name: string }>>(server, list, list === 'programs.list' ? { includeArchived: true } : {});
  const hit = rows.find((r) => r.name === name);
  if (!hit) throw new Error(`${list}: ${name} not found`);
  return hit.id;
}
