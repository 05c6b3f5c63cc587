import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { type Client, makeUser, signInAs } from '../../../tests/helpers/identity.ts';
import { JUDGED_ITEM_TASK_PAIRS } from './item-links-judged.ts';

interface Link {
  id: number;
  itemCode: string;
  taskCode: string;
  score: number;
  status: string;
}

describe.each(testEngines())('section II item ↔ task links on %s', (engine) => {
  let t: TestApp;
  let client: Client;
  beforeAll(async () => {
    t = await createTestApp(engine);
    // Signed in as the role the routes need (docs/roles.md).
    await makeUser(t.app.identity, 'coordinator@most.gov.vn', 'BKHCN', [{ role: 'coordinator' }]);
    client = await signInAs(t.app, 'coordinator@most.gov.vn');
  });
  afterAll(() => t?.close());
  const all = async (): Promise<Link[]> =>
    (await client.request({ method: 'GET', url: '/api/item-links' })).json().links;
  const confirmed = async (): Promise<Link[]> =>
    (await client.request({ method: 'GET', url: '/api/public/item-links' })).json().links;

  it('suggests links whose best candidate is the judged task for 19 of 20 judged items, and asserts none', async () => {
    const res = await client.request({ method: 'POST', url: '/api/item-links/suggest' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      added: expect.any(Number),
      rescored: 0,
      withdrawn: 0,
      keptDecisions: 0,
    });
    const links = await all();
    expect(links.every((l) => l.status === 'suggested' && l.score >= 0.15 && l.score <= 1)).toBe(true);
    const best = new Map<string, string>();
    for (const l of links) if (!best.has(l.itemCode)) best.set(l.itemCode, l.taskCode);
    const right = JUDGED_ITEM_TASK_PAIRS.filter(([item, task]) => best.get(item) === task);
    expect(right.length).toBeGreaterThanOrEqual(19);
    expect(await confirmed()).toEqual([]);
  });

  it('shows a link publicly only once a coordinator confirms it, and keeps decisions when suggesting again', async () => {
    const links = await all();
    const yes = links.find((l) => l.itemCode === '1.a' && l.taskCode === '1')!;
    const no = links.find((l) => l.itemCode === '1.a' && l.taskCode !== '1')!;
    const patch = (id: number, status: string) =>
      client.request({ method: 'PATCH', url: `/api/item-links/${id}`, payload: { status } });
    expect((await patch(yes.id, 'confirmed')).statusCode).toBe(200);
    expect((await patch(no.id, 'rejected')).statusCode).toBe(200);
    expect((await confirmed()).map((l) => `${l.itemCode}→${l.taskCode}`)).toEqual(['1.a→1']);

    const again = await client.request({ method: 'POST', url: '/api/item-links/suggest' });
    expect(again.json()).toMatchObject({ added: 0, withdrawn: 0, keptDecisions: 2 });
    const after = await all();
    expect(after.find((l) => l.id === yes.id)?.status).toBe('confirmed');
    expect(after.find((l) => l.id === no.id)?.status).toBe('rejected');

    expect((await patch(999999, 'confirmed')).statusCode).toBe(404);
    expect((await patch(yes.id, 'maybe')).statusCode).toBe(400);
  });
});
