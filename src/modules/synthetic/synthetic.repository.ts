import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/database.ts';
import type { SyntheticPlan } from './synthetic.plan.ts';

/**
 * The synthetic national dataset, written in SQL with generate_series. No random(): every choice is a
 * hash of the row's number and the seed, so the same seed gives the same data. Ids are set explicitly
 * (base + row number, OVERRIDING SYSTEM VALUE) so parents, plans and obligations are found by arithmetic
 * instead of lookups; each identity sequence is moved past them afterwards.
 */

export const SYN_PROGRAM_CODE = 'SYN-NQ57';
export const SYN_PROGRAM_NAME = 'Dữ liệu tổng hợp (synthetic)';
/** Org unit codes start SYN_ (the public agency page accepts letters, digits and _ only). */
export const SYN_ORG_PREFIX = 'SYN_';

/** A pseudo-random integer in [0, 2147483647) from a row number, the seed and a salt (LCG then a Lehmer step). */
function h(n: SQL, seed: number, salt: number): SQL {
  const s = (seed * 7919 + salt * 104729) % 2147483647;
  return sql`((((${n})::bigint * 2654435761 + ${i(s)}::bigint) % 2147483647) * 48271 % 2147483647)`;
}

const MONTH0 = sql.raw("DATE '2021-11-01'");

/** An integer written into the statement (all are computed here, never user text): typed, no parameter. */
const i = (x: number): SQL => sql.raw(String(Math.trunc(x)));

/** Removes a previous synthetic dataset (and only that): the program SYN-NQ57 and org units coded SYN_. */
export async function deleteSynthetic(db: Db): Promise<void> {
  const p = sql`(SELECT id FROM program WHERE code = ${SYN_PROGRAM_CODE})`;
  await db.execute(
    sql`DELETE FROM task_current_status WHERE task_id IN (SELECT id FROM task WHERE program_id = ${p})`,
  );
  await db.execute(sql`DELETE FROM bottleneck WHERE program_id = ${p}`);
  await db.execute(
    sql`DELETE FROM report_evidence WHERE report_item_id IN (SELECT ri.id FROM report_item ri JOIN report r ON r.id = ri.report_id
        JOIN reporting_obligation o ON o.id = r.obligation_id WHERE o.program_id = ${p})`,
  );
  await db.execute(
    sql`DELETE FROM report_item WHERE report_id IN (SELECT r.id FROM report r JOIN reporting_obligation o ON o.id = r.obligation_id WHERE o.program_id = ${p})`,
  );
  await db.execute(
    sql`DELETE FROM report WHERE obligation_id IN (SELECT id FROM reporting_obligation WHERE program_id = ${p})`,
  );
  await db.execute(sql`DELETE FROM reporting_obligation WHERE program_id = ${p}`);
  await db.execute(sql`DELETE FROM reporting_schedule WHERE program_id = ${p}`);
  await db.execute(
    sql`DELETE FROM target_observation WHERE target_id IN (SELECT id FROM target WHERE program_id = ${p})`,
  );
  await db.execute(sql`DELETE FROM target WHERE program_id = ${p}`);
  await db.execute(
    sql`DELETE FROM task_agency WHERE task_id IN (SELECT id FROM task WHERE program_id = ${p})`,
  );
  await db.execute(sql`DELETE FROM task WHERE program_id = ${p}`);
  await db.execute(sql`DELETE FROM agency_plan WHERE program_id = ${p}`);
  await db.execute(sql`DELETE FROM task_group WHERE program_id = ${p}`);
  await db.execute(sql`DELETE FROM program WHERE code = ${SYN_PROGRAM_CODE}`);
  await db.execute(sql`DELETE FROM org_unit WHERE left(code, 4) = 'SYN_' AND kind = 'commune'`);
  await db.execute(sql`DELETE FROM org_unit WHERE left(code, 4) = 'SYN_' AND kind = 'department'`);
  await db.execute(sql`DELETE FROM org_unit WHERE left(code, 4) = 'SYN_'`);
}

/** The first free id of a table: above its largest id and its identity sequence. */
async function idBase(db: Db, table: string): Promise<number> {
  const [r] = await rows<{ base: number }>(
    db,
    sql`SELECT greatest(coalesce((SELECT max(id) FROM ${sql.identifier(table)}), 0),
          coalesce(pg_sequence_last_value(pg_get_serial_sequence(${table}, 'id')::regclass), 0))::int AS base`,
  );
  return r?.base ?? 0;
}

/** Moves a table's identity sequence past the explicit ids written. */
export async function moveSequence(db: Db, table: string): Promise<void> {
  await db.execute(
    sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.identifier(table)}))`,
  );
}

export interface Bases {
  org: number;
  program: number;
  group: number;
  plan: number;
  task: number;
  schedule: number;
  obligation: number;
  report: number;
}

export async function insertSkeleton(db: Db, plan: SyntheticPlan): Promise<Bases> {
  const { seed } = plan;
  const org = await idBase(db, 'org_unit');
  const central = sql`generate_series(1, 22)`;
  // 22 central bodies (14 ministries, 3 ministerial-level agencies, 5 government agencies), then 34 provinces.
  await db.execute(sql`
    INSERT INTO org_unit (id, code, kind, name_vi, name_en, source, valid_from) OVERRIDING SYSTEM VALUE
    SELECT ${i(org)} + g, 'SYN_B' || lpad(g::text, 2, '0'),
      CASE WHEN g <= 14 THEN 'ministry' WHEN g <= 17 THEN 'ministerial_agency' ELSE 'government_agency' END,
      'Bộ tổng hợp ' || g || ' (synthetic)', 'Synthetic central body ' || g, 'synthetic', DATE '2025-03-01'
    FROM ${central} g
    UNION ALL
    SELECT ${i(org)} + 22 + g, 'SYN_T' || lpad(g::text, 2, '0'), 'province',
      'Tỉnh tổng hợp ' || g || ' (synthetic)', 'Synthetic province ' || g, 'synthetic', DATE '2025-07-01'
    FROM generate_series(1, 34) g`);
  // Six departments under each of the 56 agencies.
  await db.execute(sql`
    INSERT INTO org_unit (id, code, kind, name_vi, parent_id, source, valid_from) OVERRIDING SYSTEM VALUE
    SELECT ${i(org)} + 56 + g, 'SYN_' || CASE WHEN a <= 22 THEN 'B' || lpad(a::text, 2, '0') ELSE 'T' || lpad((a - 22)::text, 2, '0') END
        || '_D' || (((g - 1) % 6) + 1),
      'department', 'Vụ/Sở tổng hợp ' || (((g - 1) % 6) + 1) || ' (synthetic)', ${i(org)} + a, 'synthetic', DATE '2025-07-01'
    FROM generate_series(1, 336) g, LATERAL (SELECT ((g - 1) / 6) + 1 AS a) x`);
  await db.execute(sql`
    INSERT INTO org_unit (id, code, kind, name_vi, parent_id, source, valid_from) OVERRIDING SYSTEM VALUE
    SELECT ${i(org)} + 392 + g, 'SYN_X' || lpad(g::text, 4, '0'),
      CASE WHEN ${h(sql`g`, seed, 1)} % 5 = 0 THEN 'ward' ELSE 'commune' END,
      'Xã tổng hợp ' || g || ' (synthetic)', ${i(org)} + 22 + ((g - 1) % 34) + 1, 'synthetic', DATE '2025-07-01'
    FROM generate_series(1, ${i(plan.communes)}) g`);
  await moveSequence(db, 'org_unit');

  const program = await idBase(db, 'program');
  await db.execute(sql`
    INSERT INTO program (id, code, name_vi, name_en, document_no, sources) OVERRIDING SYSTEM VALUE
    VALUES (${i(program + 1)}, ${SYN_PROGRAM_CODE}, ${SYN_PROGRAM_NAME}, 'Synthetic data (for benchmarks only)',
      'SYN/NQ-CP', '["synthetic: nq57 synthetic generate"]'::jsonb)`);
  await moveSequence(db, 'program');
  const group = await idBase(db, 'task_group');
  await db.execute(sql`
    INSERT INTO task_group (id, program_id, no, title_vi, title_en) OVERRIDING SYSTEM VALUE
    SELECT ${i(group)} + g, ${i(program + 1)}, g, 'Nhóm nhiệm vụ tổng hợp ' || g || ' (synthetic)', 'Synthetic group ' || g
    FROM generate_series(1, 7) g`);
  await moveSequence(db, 'task_group');
  // Plans: slots 1..56 are the central bodies and provinces, 57.. the communes.
  const planBase = await idBase(db, 'agency_plan');
  await db.execute(sql`
    INSERT INTO agency_plan (id, program_id, org_unit_id, title_vi, document_no) OVERRIDING SYSTEM VALUE
    SELECT ${i(planBase)} + s, ${i(program + 1)}, CASE WHEN s <= 56 THEN ${i(org)} + s ELSE ${i(org)} + 392 + (s - 56) END,
      'Kế hoạch tổng hợp (synthetic) ' || s, 'SYN-KH-' || s
    FROM generate_series(1, 56 + ${i(plan.communes)}) s`);
  await moveSequence(db, 'agency_plan');
  const schedule = await idBase(db, 'reporting_schedule');
  await db.execute(sql`
    INSERT INTO reporting_schedule (id, program_id, frequency, due_offset_days) OVERRIDING SYSTEM VALUE
    VALUES (${i(schedule + 1)}, ${i(program + 1)}, 'monthly', 5)`);
  await moveSequence(db, 'reporting_schedule');
  return {
    org,
    program: program + 1,
    group,
    plan: planBase,
    task: await idBase(db, 'task'),
    schedule: schedule + 1,
    obligation: await idBase(db, 'reporting_obligation'),
    report: await idBase(db, 'report'),
  };
}

/** Task n's month of assignment (1..24), monthly progress step and deadline slack, all from its hash. */
function taskShape(n: SQL, seed: number) {
  const start = sql`(${h(n, seed, 11)} % 24 + 1)`;
  const step = sql`(5 + ${h(n, seed, 12)} % 11)`;
  const doneMonth = sql`(${start} + (99 + ${step}) / ${step})`;
  const slack = sql`(${h(n, seed, 13)} % 8 - 2)`;
  return { start, step, doneMonth, slack };
}

const CONTENT = sql`(ARRAY['Chuyển đổi số trong quản lý nhà nước', 'Phát triển hạ tầng dữ liệu số',
  'Hoàn thiện thể chế khoa học, công nghệ và đổi mới sáng tạo', 'Đào tạo nhân lực công nghệ số',
  'Xây dựng nền tảng số dùng chung', 'Thúc đẩy doanh nghiệp khởi nghiệp sáng tạo',
  'Bảo đảm an toàn, an ninh mạng', 'Ứng dụng trí tuệ nhân tạo trong dịch vụ công'])`;

/** Tasks n in [from, to]: national tasks, then agency plan items, then commune items. */
export async function insertTasks(
  db: Db,
  plan: SyntheticPlan,
  b: Bases,
  from: number,
  to: number,
): Promise<void> {
  const { seed, national: N, agencyItems: A, communes: C } = plan;
  const n = sql`n`;
  const shape = taskShape(n, seed);
  const level = sql`CASE WHEN n <= ${i(N)} THEN 0 WHEN n <= ${i(N + A)} THEN 1 ELSE 2 END`;
  // The agency slot of a task: central/provincial slot 1..56, commune slot 57..
  const slot = sql`CASE WHEN n <= ${i(N)} THEN ((n - 1) % 22) + 1 WHEN n <= ${i(N + A)} THEN ((n - ${i(N)} - 1) % 56) + 1
    ELSE 56 + ((n - ${i(N + A)} - 1) % ${i(C)}) + 1 END`;
  const perAgency = A / 56;
  // Parent: a plan item points at a national task; a commune item at a plan item of its province.
  const parent = sql`CASE WHEN n <= ${i(N)} THEN NULL
    WHEN n <= ${i(N + A)} THEN ${i(b.task)} + ${h(n, seed, 14)} % ${i(N)} + 1
    ELSE ${i(b.task)} + ${i(N)} + 1 + 22 + ((n - ${i(N + A)} - 1) % ${i(C)}) % 34 + 56 * (${h(n, seed, 15)} % ${i(perAgency)}) END`;
  await db.execute(sql`
    INSERT INTO task (id, program_id, group_id, code, content_vi, product_type, deadline_as_written, due_date,
      original_due_date, register_state, assigned_on, assigned_at, plan_id, parent_task_id, lead_as_written,
      search_text, source_document)
    OVERRIDING SYSTEM VALUE
    SELECT ${i(b.task)} + n, ${i(b.program)}, ${i(b.group)} + (${h(n, seed, 16)} % 7) + 1,
      CASE ${level} WHEN 0 THEN 'SYN-' || n WHEN 1 THEN 'SYN-KH-' || n ELSE 'SYN-X-' || n END,
      c.content, (ARRAY['decree','pm_decision','circular','scheme','plan','report','platform','other'])[${h(n, seed, 17)} % 8 + 1],
      to_char(d.due, 'MM/YYYY'), d.due, d.due, 'assigned', d.assigned, d.assigned::timestamptz,
      CASE WHEN n <= ${i(N)} THEN NULL ELSE ${i(b.plan)} + ${slot} END, ${parent}, 'Đơn vị tổng hợp ' || ${slot},
      lower(f_unaccent(c.content)), 'synthetic'
    FROM generate_series(${i(from)}::int, ${i(to)}::int) n,
      LATERAL (SELECT ${CONTENT}[${h(n, seed, 18)} % 8 + 1] || ' (tổng hợp ' || n || ')' AS content) c,
      LATERAL (SELECT (${MONTH0} + ((${shape.start} - 1) || ' months')::interval)::date AS assigned,
        (${MONTH0} + ((${shape.doneMonth} + ${shape.slack}) || ' months')::interval + interval '14 days')::date AS due) d`);
  await db.execute(sql`
    INSERT INTO task_agency (task_id, role, position, org_unit_id, name_as_written)
    SELECT ${i(b.task)} + n, 'lead', 1,
      CASE WHEN ${slot} <= 56 THEN ${i(b.org)} + ${slot} ELSE ${i(b.org)} + 392 + (${slot} - 56) END, 'Đơn vị tổng hợp ' || ${slot}
    FROM generate_series(${i(from)}::int, ${i(to)}::int) n`);
}

/** Obligations and reports for every reporting agency and month (one report per obligation). */
export async function insertReports(db: Db, plan: SyntheticPlan, b: Bases): Promise<void> {
  const { seed, months } = plan;
  const S = 56 + plan.communes;
  await db.execute(sql`
    INSERT INTO reporting_obligation (id, schedule_id, program_id, agency_id, period, period_start, period_end, due_date)
    OVERRIDING SYSTEM VALUE
    SELECT ${i(b.obligation)} + (m - 1) * ${i(S)} + s, ${i(b.schedule)}, ${i(b.program)},
      CASE WHEN s <= 56 THEN ${i(b.org)} + s ELSE ${i(b.org)} + 392 + (s - 56) END,
      to_char(ps, 'YYYY-MM'), ps, (ps + interval '1 month' - interval '1 day')::date, (ps + interval '1 month 4 days')::date
    FROM generate_series(1, ${i(months)}) m, generate_series(1, ${i(S)}) s,
      LATERAL (SELECT (${MONTH0} + ((m - 1) || ' months')::interval)::date AS ps) x`);
  await moveSequence(db, 'reporting_obligation');
  const k = sql`((m - 1) * ${i(S)} + s)`;
  // Lateness in days against the due date: two thirds on time, a fifth up to 10 days late, the rest later.
  const late = sql`CASE WHEN ${h(k, seed, 21)} % 100 < 65 THEN -(${h(k, seed, 22)} % 5)
    WHEN ${h(k, seed, 21)} % 100 < 88 THEN 1 + ${h(k, seed, 22)} % 10 ELSE 11 + ${h(k, seed, 22)} % 30 END`;
  // 5 % returned (awaiting a corrected report), 4 % submitted and not yet reviewed, the last month partly draft.
  const u = sql`${h(k, seed, 23)} % 100`;
  const status = sql`CASE WHEN m = ${i(months)} AND ${u} < 30 THEN 'draft' WHEN ${u} < 5 THEN 'returned'
    WHEN ${u} < 9 OR (m >= ${i(months - 1)} AND ${u} < 40) THEN 'submitted' ELSE 'accepted' END`;
  await db.execute(sql`
    INSERT INTO report (id, obligation_id, agency_id, revision, status, summary, return_reason, submitted_at, accepted_at,
      created_at, updated_at)
    OVERRIDING SYSTEM VALUE
    SELECT ${i(b.report)} + ${k}, ${i(b.obligation)} + ${k}, CASE WHEN s <= 56 THEN ${i(b.org)} + s ELSE ${i(b.org)} + 392 + (s - 56) END,
      1, st, 'Báo cáo tổng hợp (synthetic)', CASE WHEN st = 'returned' THEN 'Thiếu minh chứng (synthetic)' END,
      CASE WHEN st <> 'draft' THEN sub END, CASE WHEN st = 'accepted' THEN sub + ((1 + ${h(k, seed, 24)} % 7) || ' days')::interval END,
      sub - interval '3 days', sub
    FROM generate_series(1, ${i(months)}) m, generate_series(1, ${i(S)}) s,
      LATERAL (SELECT ${status} AS st,
        ((${MONTH0} + ((m - 1) || ' months')::interval + interval '1 month 4 days')::date
          + ${late} * interval '1 day' + interval '9 hours')::timestamptz AS sub) x`);
  await moveSequence(db, 'report');
}

/** Report items of months [m1, m2]: each report covers K of its agency's tasks (central bodies: one national task more). */
export async function insertReportItems(
  db: Db,
  plan: SyntheticPlan,
  b: Bases,
  m1: number,
  m2: number,
): Promise<void> {
  const { seed, national: N, agencyItems: A, communes: C, itemsPerReport: K } = plan;
  const S = 56 + C;
  const perAgency = A / 56;
  const perCommune = plan.communeItems / C;
  // The task number of item k of agency slot s in month m: consecutive k are distinct tasks of that agency.
  const taskN = sql`CASE WHEN k > ${i(K)} THEN ((s - 1) + 22 * ((m - 1) % ${i(Math.floor(N / 22))})) + 1
    WHEN s <= 56 THEN ${i(N)} + s + 56 * (((m - 1) * ${i(K)} + k - 1) % ${i(perAgency)})
    ELSE ${i(N + A)} + (s - 56) + ${i(C)} * (((m - 1) * ${i(K)} + k - 1) % ${i(perCommune)}) END`;
  const shape = taskShape(sql`tn`, seed);
  await db.execute(sql`
    INSERT INTO report_item (report_id, task_id, status, progress, completed_on, done_text, difficulties, bottlenecks)
    SELECT ${i(b.report)} + (m - 1) * ${i(S)} + s, ${i(b.task)} + tn, CASE WHEN p.progress >= 100 THEN 'completed'
        WHEN p.progress = 0 THEN 'not_started' WHEN ${h(sql`tn * 61 + m`, seed, 31)} % 40 = 0 THEN 'paused' ELSE 'in_progress' END,
      least(p.progress, 100), CASE WHEN p.progress >= 100
        THEN (${MONTH0} + ((${shape.doneMonth} - 1) || ' months')::interval + ((${h(sql`tn`, seed, 32)} % 27) || ' days')::interval)::date END,
      'Đã triển khai (synthetic)', CASE WHEN bn THEN 'Vướng mắc (synthetic)' ELSE '' END,
      CASE WHEN bn THEN jsonb_build_array(jsonb_build_object('type',
        (ARRAY['legal','finance','infrastructure','people','coordination'])[${h(sql`tn * 61 + m`, seed, 34)} % 5 + 1],
        'description', 'Điểm nghẽn tổng hợp (synthetic)')) ELSE '[]'::jsonb END
    FROM generate_series(${i(m1)}::int, ${i(m2)}::int) m, generate_series(1, ${i(S)}) s,
      generate_series(1, ${i(K)} + 1) k,
      LATERAL (SELECT ${taskN} AS tn) t,
      LATERAL (SELECT greatest(0, (m - ${shape.start} + 1) * ${shape.step}) AS progress,
        ${h(sql`tn * 61 + m`, seed, 33)} % 200 = 0 AS bn) p
    WHERE (k <= ${i(K)} OR (s <= 22 AND s <= ${i(N)}))`);
}

/** Bottlenecks raised in reports, evidence for completions, the task_current_status summary, targets. */
export async function insertDerived(db: Db, plan: SyntheticPlan, b: Bases): Promise<void> {
  const { seed } = plan;
  await db.execute(sql`
    INSERT INTO bottleneck (program_id, agency_id, task_id, report_id, type, description, status, escalated_at, cleared_at,
      created_at, updated_at)
    SELECT ${i(b.program)}, r.agency_id, ri.task_id, r.id, ri.bottlenecks -> 0 ->> 'type', 'Điểm nghẽn tổng hợp (synthetic)',
      (ARRAY['open','escalated','answered','cleared','cleared'])[${h(sql`ri.task_id`, seed, 41)} % 5 + 1],
      CASE WHEN ${h(sql`ri.task_id`, seed, 41)} % 5 >= 1 THEN coalesce(r.submitted_at, r.created_at) + interval '7 days' END,
      CASE WHEN ${h(sql`ri.task_id`, seed, 41)} % 5 >= 3 THEN coalesce(r.submitted_at, r.created_at) + interval '40 days' END,
      coalesce(r.submitted_at, r.created_at), coalesce(r.submitted_at, r.created_at)
    FROM report_item ri JOIN report r ON r.id = ri.report_id
    WHERE r.id > ${i(b.report)} AND ri.bottlenecks <> '[]'::jsonb`);
  // Evidence: the issued document, on the first report that says a task is completed.
  await db.execute(sql`
    INSERT INTO report_evidence (report_item_id, kind, document_number, document_date, document_issuer)
    SELECT ri.id, 'document', (ri.task_id % 900 + 1) || '/QĐ-SYN', ri.completed_on, 'Đơn vị tổng hợp (synthetic)'
    FROM report_item ri JOIN report r ON r.id = ri.report_id
    JOIN reporting_obligation o ON o.id = r.obligation_id
    WHERE r.id > ${i(b.report)} AND ri.status = 'completed' AND ri.completed_on BETWEEN o.period_start AND o.due_date`);
  // As the reports service keeps it: each task's latest accepted report item per agency.
  await db.execute(sql`
    INSERT INTO task_current_status (task_id, agency_id, report_id, status, progress, completed_on, has_evidence, accepted_at)
    SELECT latest.task_id, latest.agency_id, latest.report_id, latest.status, latest.progress, latest.completed_on,
      -- Whether that item itself has evidence, as refreshCurrentStatus records it.
      EXISTS (SELECT 1 FROM report_evidence e WHERE e.report_item_id = latest.item_id), latest.accepted_at
    FROM (SELECT DISTINCT ON (ri.task_id, r.agency_id) ri.id AS item_id, ri.task_id, r.agency_id, r.id AS report_id,
            ri.status, ri.progress, ri.completed_on, r.accepted_at
          FROM report_item ri JOIN report r ON r.id = ri.report_id
          WHERE r.id > ${i(b.report)} AND r.status = 'accepted'
          ORDER BY ri.task_id, r.agency_id, r.accepted_at DESC, r.id DESC) latest`);
  await db.execute(sql`
    INSERT INTO target (program_id, code, indicator_no, text_vi, text_en, target_value_text, target_value, unit, comparison,
      target_year, in_nq57, baseline_value, baseline_year, baseline_source, notes)
    SELECT ${i(b.program)}, 'SYN-CT' || g, g::text, 'Chỉ tiêu tổng hợp ' || g || ' (synthetic)', 'Synthetic target ' || g,
      (50 + ${h(sql`g`, seed, 51)} % 50)::text || ' %', 50 + ${h(sql`g`, seed, 51)} % 50, '%', '>=',
      CASE WHEN g <= 35 THEN 2030 ELSE 2045 END, false, 5 + ${h(sql`g`, seed, 52)} % 30, 2021, 'synthetic',
      '{"synthetic": true}'::jsonb
    FROM generate_series(1, 41) g`);
  await db.execute(sql`
    INSERT INTO target_observation (target_id, period_year, value, unit, source, status, entered_by_label, entered_at,
      submitted_at, reviewed_by_label, reviewed_at, updated_at)
    SELECT t.id, y, round(t.baseline_value + (t.target_value - t.baseline_value) * (y - 2021) / 9.0
        * (0.4 + (${h(sql`t.id * 7 + y`, seed, 53)} % 100) / 100.0), 2),
      '%', 'synthetic', 'accepted', 'synthetic', make_date(y + 1, 2, 1), make_date(y + 1, 2, 1), 'synthetic',
      make_date(y + 1, 3, 1), make_date(y + 1, 3, 1)
    FROM target t, generate_series(2022, 2026) y WHERE t.program_id = ${i(b.program)}`);
}

export async function analyze(db: Db, engine: 'pglite' | 'postgres'): Promise<void> {
  const tables = [
    'org_unit',
    'task',
    'task_agency',
    'agency_plan',
    'reporting_obligation',
    'report',
    'report_item',
    'report_evidence',
    'task_current_status',
    'bottleneck',
    'target_observation',
  ];
  for (const t of tables)
    await db.execute(
      engine === 'pglite' ? sql`VACUUM ANALYZE ${sql.identifier(t)}` : sql`ANALYZE ${sql.identifier(t)}`,
    );
}

export interface SyntheticCounts {
  orgUnits: number;
  tasks: number;
  reports: number;
  reportItems: number;
  obligations: number;
  currentStatuses: number;
  bottlenecks: number;
  targets: number;
  observations: number;
  checksum: string;
}

/** Counts of the synthetic dataset, and a checksum of its content that does not depend on ids. */
export async function syntheticCounts(db: Db): Promise<SyntheticCounts | undefined> {
  const [r] = await rows<SyntheticCounts>(
    db,
    sql`WITH p AS (SELECT id FROM program WHERE code = ${SYN_PROGRAM_CODE})
    SELECT
      (SELECT count(*)::int FROM org_unit WHERE left(code, 4) = 'SYN_') AS "orgUnits",
      (SELECT count(*)::int FROM task WHERE program_id = (SELECT id FROM p)) AS tasks,
      (SELECT count(*)::int FROM reporting_obligation WHERE program_id = (SELECT id FROM p)) AS obligations,
      (SELECT count(*)::int FROM report r JOIN reporting_obligation o ON o.id = r.obligation_id WHERE o.program_id = (SELECT id FROM p)) AS reports,
      (SELECT count(*)::int FROM report_item ri JOIN task t ON t.id = ri.task_id WHERE t.program_id = (SELECT id FROM p)) AS "reportItems",
      (SELECT count(*)::int FROM task_current_status s JOIN task t ON t.id = s.task_id WHERE t.program_id = (SELECT id FROM p)) AS "currentStatuses",
      (SELECT count(*)::int FROM bottleneck WHERE program_id = (SELECT id FROM p)) AS bottlenecks,
      (SELECT count(*)::int FROM target WHERE program_id = (SELECT id FROM p)) AS targets,
      (SELECT count(*)::int FROM target_observation o JOIN target t ON t.id = o.target_id WHERE t.program_id = (SELECT id FROM p)) AS observations,
      md5(concat_ws('|',
        (SELECT string_agg(code || due_date || coalesce(parent_task_id - (SELECT min(id) FROM task WHERE program_id = (SELECT id FROM p)), 0), ',' ORDER BY code)
           FROM task WHERE program_id = (SELECT id FROM p)),
        (SELECT sum(ri.progress)::text || ':' || count(*) FILTER (WHERE ri.status = 'completed') || ':' || sum(hashtext(ri.status || coalesce(ri.completed_on::text, '')))
           FROM report_item ri JOIN task t ON t.id = ri.task_id WHERE t.program_id = (SELECT id FROM p)),
        (SELECT string_agg(r.status || r.submitted_at::text, ',' ORDER BY r.submitted_at, r.status) FROM report r
           JOIN reporting_obligation o ON o.id = r.obligation_id WHERE o.program_id = (SELECT id FROM p))
      )) AS checksum`,
  );
  return r && r.tasks > 0 ? r : undefined;
}

/** Ids the benchmark needs: the program, the first synthetic province, the latest published snapshot. */
export async function syntheticIds(
  db: Db,
): Promise<{ programId: number; province: number; snapshot: number | null }> {
  const [r] = await rows<{ programId: number; province: number; snapshot: number | null }>(
    db,
    sql`SELECT p.id AS "programId", (SELECT id FROM org_unit WHERE code = 'SYN_T01') AS province,
      (SELECT max(s.id) FROM evaluation_snapshot s WHERE s.program_id = p.id) AS snapshot
    FROM program p WHERE p.code = ${SYN_PROGRAM_CODE}`,
  );
  if (!r) throw new Error('no synthetic dataset: run nq57 synthetic generate first');
  return r;
}

/**
 * Obligations of a new month for the central bodies and provinces, with no report yet (the benchmark
 * submits reports for them), and the agency's first tasks to report on.
 */
export async function openObligations(
  db: Db,
  period: string,
): Promise<{ id: number; agencyId: number; taskIds: number[] }[]> {
  const start = `${period}-01`;
  return rows(
    db,
    sql`WITH o AS (
      INSERT INTO reporting_obligation (schedule_id, program_id, agency_id, period, period_start, period_end, due_date)
      SELECT s.id, s.program_id, u.id, ${period}, ${start}::date, (${start}::date + interval '1 month - 1 day')::date,
        (${start}::date + interval '1 month 4 days')::date
      FROM reporting_schedule s JOIN program p ON p.id = s.program_id AND p.code = ${SYN_PROGRAM_CODE},
        org_unit u JOIN agency_plan ap ON ap.org_unit_id = u.id
      WHERE left(u.code, 4) = 'SYN_' AND ap.program_id = p.id
      ON CONFLICT DO NOTHING
      RETURNING id, agency_id)
    SELECT o.id, o.agency_id AS "agencyId",
      ARRAY(SELECT ta.task_id FROM task_agency ta WHERE ta.org_unit_id = o.agency_id AND ta.role = 'lead'
        ORDER BY ta.task_id LIMIT 10) AS "taskIds"
    FROM o ORDER BY o.id`,
  );
}

/** The baseline of a submission: the same report row and items written by two bare INSERTs. */
export async function bareReportInsert(db: Db, obligationId: number, agencyId: number, taskIds: number[]) {
  const [r] = await rows<{ id: number }>(
    db,
    sql`INSERT INTO report (obligation_id, agency_id, status, summary, submitted_at)
      VALUES (${obligationId}, ${agencyId}, 'submitted', 'bench', now()) RETURNING id`,
  );
  await db.execute(
    sql`INSERT INTO report_item (report_id, task_id, status, progress)
      SELECT ${r?.id}, t, 'in_progress', 50 FROM unnest(${`{${taskIds.join(',')}}`}::int[]) t`,
  );
}
