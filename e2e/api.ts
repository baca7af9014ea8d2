import type { LotseServer } from './fixtures.js';

/**
 * Calls one procedure of a running server through the same HTTP API the page uses: test setup creates its data
 * the way the app would, with the app's own validation.
 */
export async function api<T = { id: number }>(server: LotseServer, name: string, input: unknown): Promise<T> {
  const token = new URL(server.openUrl).searchParams.get('token')!;
  const res = await fetch(`${server.url}/api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-lotse-token': token },
    body: JSON.stringify({ input }),
  });
  const body = (await res.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message}`);
  return body.data;
}

/** The id of a program or commune by its name. */
export async function idByName(server: LotseServer, list: 'programs.list' | 'communes.list', name: string): Promise<number> {
  const rows = await api<Array<{ id: number; name: string }>>(server, list, list === 'programs.list' ? { includeArchived: true } : {});
  const hit = rows.find((r) => r.name === name);
  if (!hit) throw new Error(`${list}: ${name} not found`);
  return hit.id;
}
