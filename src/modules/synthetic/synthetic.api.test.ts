import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { testEngines } from '../../../tests/helpers/db.ts';
import { parseScale, syntheticPlan } from './synthetic.plan.ts';
import { SYN_PROGRAM_CODE, SYN_PROGRAM_NAME } from './synthetic.repository.ts';
import { generateSynthetic } from './synthetic.service.ts';

const TINY = 0.0005;

describe('synthetic scale', () => {
  it('reads national, small and fractions; refuses the rest', () => {
    expect(parseScale('national')).toBe(1);
    expect(parseScale('small')).toBe(0.01);
    expect(parseScale('1/10')).toBe(0.1);
    expect(parseScale('0.25')).toBe(0.25);
    for (const bad of ['0', '2', 'big', '-1']) expect(parseScale(bad)).toBeUndefined();
  });

  it('plans the national sizes: 500,000 tasks, 5,000,000 report items, 3,321 communes', () => {
    const p = syntheticPlan(1, 57);
    const tasks = p.national + p.agencyItems + p.communeItems;
    expect(p.communes).toBe(3321);
    expect(Math.abs(tasks - 500_000)).toBeLessThan(3_500);
    const items = (56 + p.communes) * p.months * p.itemsPerReport + 22 * p.months;
    expect(Math.abs(items - 5_000_000) / 5_000_000).toBeLessThan(0.05);
  });
});

describe.each(testEngines())('synthetic dataset on %s', (engine) => {
  let t: TestApp;
  let before: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    before = (await t.app.inject({ url: '/api/public/overview' })).body;
  });
  afterAll(async () => t?.close());

  it('builds the planned counts, the same checksum for the same seed, another for another seed', async () => {
    const plan = syntheticPlan(TINY, 57);
    const first = await generateSynthetic(t.database, plan);
    expect(first.counts.tasks).toBe(plan.national + plan.agencyItems + plan.communeItems);
    expect(first.counts.orgUnits).toBe(22 + 34 + 56 * 6 + plan.communes);
    expect(first.counts.obligations).toBe((56 + plan.communes) * plan.months);
    expect(first.counts.reports).toBe(first.counts.obligations);
    expect(first.counts.reportItems).toBe(first.counts.reports * plan.itemsPerReport + 22 * plan.months);
    expect(first.counts.currentStatuses).toBeGreaterThan(0);
    expect(first.counts.targets).toBe(41);
    expect(first.counts.observations).toBe(41 * 5);
    const again = await generateSynthetic(t.database, plan);
    expect(again.counts).toEqual(first.counts);
    const other = await generateSynthetic(t.database, syntheticPlan(TINY, 58));
    expect(other.counts.checksum).not.toBe(first.counts.checksum);
  });

  it('shows as synthetic and leaves the real program’s public pages as they were', async () => {
    const syn = (await t.app.inject({ url: `/api/public/overview?program=${SYN_PROGRAM_CODE}` })).json();
    expect(syn.program.nameVi).toBe(SYN_PROGRAM_NAME);
    expect(syn.program.nameVi).toContain('synthetic');
    const real = (await t.app.inject({ url: '/api/public/overview' })).body;
    expect(real).toBe(before);
    expect(real).not.toContain('synthetic');
    const province = (
      await t.app.inject({ url: `/api/public/agencies/SYN_T01?program=${SYN_PROGRAM_CODE}` })
    ).json();
    expect(province.nameVi).toContain('(synthetic)');
    expect(province.source).toBe('synthetic');
    const search = (
      await t.app.inject({
        url: `/api/public/tasks?program=${SYN_PROGRAM_CODE}&q=${encodeURIComponent('chuyen doi so')}`,
      })
    ).json();
    expect(JSON.stringify(search)).toContain('tổng hợp');
  });
});
