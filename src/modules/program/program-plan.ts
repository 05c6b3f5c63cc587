import crypto from 'node:crypto';
import { cleanText, foldKey } from '../../lib/text.ts';
import {
  type AgencyDirectory,
  type AgencyRef,
  resolveAgency,
  splitAgencyCell,
} from '../orgs/agency-names.ts';
import type { OrgKind } from '../orgs/orgs.schema.ts';
import type { Comparison } from '../targets/targets.schema.ts';
import { parseDeadline } from '../tasks/deadline-rules.ts';
import { classifyProduct } from '../tasks/product-types.ts';
import type { Collective, ProductType, Recurrence } from '../tasks/tasks.schema.ts';
import type { ProgramData } from './program-data.ts';

/**
 * Turns the bundled program data into the rows the database should hold, plus a report of what could
 * not be mapped. Pure: the loader compares this plan with the database and writes the difference.
 */
export const PROGRAM_CODE = 'NQ57';
export const GOVERNMENT_CODE = 'CP';

export interface PlannedOrg {
  code: string;
  kind: OrgKind;
  nameVi: string;
  nameEn: string | null;
  parentCode: string | null;
  validFrom: string | null;
  source: string;
}
export interface PlannedAlias {
  orgCode: string;
  name: string;
  normalized: string;
  kind: 'legacy' | 'variant' | 'abbreviation';
  note: string | null;
}
export interface PlannedAgency {
  role: 'lead' | 'partner';
  position: number;
  orgCode: string | null;
  collective: Collective | null;
  nameAsWritten: string;
}
export interface PlannedTask {
  code: string;
  groupNo: number;
  sourceRow: number;
  contentVi: string;
  leadAsWritten: string | null;
  partnersAsWritten: string | null;
  productAsWritten: string | null;
  productType: ProductType | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: Recurrence | null;
  deadlineRule: string | null;
  sourceDocument: string;
  agencies: PlannedAgency[];
  searchSource: string;
  sourceHash: string;
}
export interface PlannedTarget {
  code: string;
  indicatorGroupNo: number | null;
  indicatorNo: string | null;
  textVi: string;
  textEn: string | null;
  targetValueText: string;
  targetValue: number | null;
  targetValueMax: number | null;
  unit: string | null;
  comparison: Comparison;
  comparisonInferred: boolean;
  targetYear: number | null;
  inNq57: boolean;
  monitoringAgencyCode: string | null;
  monitoringAgencyAsWritten: string | null;
  notes: Record<string, string>;
  sources: string[];
  sourceHash: string;
}

export interface LoadIssues {
  unmappedAgencies: {
    taskCode: string;
    role: 'lead' | 'partner' | 'monitoring';
    asWritten: string;
    suggestion: string | null;
  }[];
  legacyNamesMapped: { asWritten: string; mappedTo: string; count: number }[];
  unparsedDeadlines: { taskCode: string; asWritten: string | null; reason: string }[];
  tasksWithoutProduct: string[];
  tasksWithoutLead: string[];
}

export interface ProgramPlan {
  program: {
    code: string;
    nameVi: string;
    nameEn: string;
    documentNo: string;
    documentDate: string;
    replacesDocumentNo: string;
    parentDocumentNo: string;
    sources: string[];
  };
  orgs: PlannedOrg[];
  aliases: PlannedAlias[];
  groups: { no: number; titleVi: string; titleEn: string | null; titleSource: string | null }[];
  items: { groupNo: number; code: string; position: number; textVi: string; textSource: string | null }[];
  tasks: PlannedTask[];
  indicatorGroups: { no: number; titleVi: string; horizonYear: number | null }[];
  targets: PlannedTarget[];
  issues: LoadIssues;
  sourceHash: string;
}

export function hashOf(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

function shortProvinceName(name: string): string {
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function planOrgs(data: ProgramData): { orgs: PlannedOrg[]; aliases: PlannedAlias[] } {
  const orgs: PlannedOrg[] = [
    {
      code: GOVERNMENT_CODE,
      kind: 'government',
      nameVi: 'Chính phủ',
      nameEn: 'Government of Viet Nam',
      parentCode: null,
      validFrom: null,
      source: 'program-data/nq57/agencies.json',
    },
  ];
  for (const c of data.agencies.central) {
    orgs.push({
      code: c.code,
      kind: c.kind as OrgKind,
      nameVi: c.name_vi,
      nameEn: c.name_en,
      parentCode: GOVERNMENT_CODE,
      validFrom: '2025-03-01',
      source: 'agencies.json: Nghị quyết 176/2025/QH15',
    });
  }
  for (const p of data.agencies.provinces) {
    const short = shortProvinceName(p.name_vi);
    orgs.push({
      code: p.code,
      kind: p.kind,
      nameVi: p.name_vi,
      nameEn: `${asciiName(short)} ${p.kind === 'city' ? 'City' : 'Province'}`,
      parentCode: GOVERNMENT_CODE,
      validFrom: '2025-07-01',
      source: 'agencies.json: Nghị quyết 202/2025/QH15, Quyết định 19/2025/QĐ-TTg',
    });
  }

  const aliases: PlannedAlias[] = [];
  const taken = new Set(orgs.map((o) => foldKey(o.nameVi)));
  const add = (orgCode: string, name: string, kind: PlannedAlias['kind'], note: string | null) => {
    const normalized = foldKey(name);
    if (!normalized || taken.has(normalized)) return;
    taken.add(normalized);
    aliases.push({ orgCode, name, normalized, kind, note });
  };
  for (const [name, code] of Object.entries(data.agencies.legacy_map)) {
    add(code, name, 'legacy', 'Tên trước sáp nhập ngày 1/3/2025 (Nghị quyết 176/2025/QH15)');
  }
  for (const a of data.aliases.aliases) add(a.code, a.name, a.kind, a.note ?? null);
  for (const p of data.agencies.provinces) {
    add(p.code, shortProvinceName(p.name_vi), 'variant', null);
    for (const old of p.merged_from ?? []) {
      add(p.code, old, 'legacy', 'Tỉnh, thành phố trước sáp nhập ngày 1/7/2025 (Nghị quyết 202/2025/QH15)');
    }
  }
  return { orgs, aliases };
}

/** A unit closed by the 2025 restructuring, kept so its history stays readable under today's body. */
export interface PlannedPredecessor extends PlannedOrg {
  validTo: string;
}
export interface PlannedLineageEvent {
  /** Natural key, so loading again finds the event it wrote before. */
  sourceKey: string;
  kind: 'merge';
  effectiveDate: string;
  legalBasis: string;
  note: string | null;
  fromCodes: string[];
  toCodes: string[];
}

/**
 * Codes of the ministries that ended on 1/3/2025, by their name in agencies.json `legacy_map`: the
 * abbreviations used in official documents. A name missing here gets a code from its initials.
 */
const FORMER_MINISTRIES: Record<string, { code: string; nameEn: string; kind: OrgKind }> = {
  'Bộ Thông tin và Truyền thông': {
    code: 'BTTTT',
    nameEn: 'Ministry of Information and Communications',
    kind: 'ministry',
  },
  'Bộ Kế hoạch và Đầu tư': { code: 'BKHDT', nameEn: 'Ministry of Planning and Investment', kind: 'ministry' },
  'Bộ Giao thông vận tải': { code: 'BGTVT', nameEn: 'Ministry of Transport', kind: 'ministry' },
  'Bộ Tài nguyên và Môi trường': {
    code: 'BTNMT',
    nameEn: 'Ministry of Natural Resources and Environment',
    kind: 'ministry',
  },
  'Bộ Nông nghiệp và Phát triển nông thôn': {
    code: 'BNNPTNT',
    nameEn: 'Ministry of Agriculture and Rural Development',
    kind: 'ministry',
  },
  'Bộ Lao động - Thương binh và Xã hội': {
    code: 'BLDTBXH',
    nameEn: 'Ministry of Labour, Invalids and Social Affairs',
    kind: 'ministry',
  },
  'Ủy ban Dân tộc': {
    code: 'UBDT',
    nameEn: 'Committee for Ethnic Minority Affairs',
    kind: 'ministerial_agency',
  },
};

/** The centrally-run cities among the 63 units before 1/7/2025 (Huế became one on 1/1/2025, unchanged since). */
const FORMER_CITIES = new Set(['Hà Nội', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Hồ Chí Minh', 'Huế']);

/**
 * The 2025 restructuring as closed predecessor units and merge events: the ministries that ended on
 * 28/2/2025 (Nghị quyết 176/2025/QH15) and the provinces that ended on 30/6/2025 (Nghị quyết
 * 202/2025/QH15). Former provinces get codes "P63_<NAME>": their pre-2025 numeric codes were reused
 * by the new provinces (QĐ 19/2025/QĐ-TTg), and codes must stay unique.
 */
export function planLineage(data: ProgramData): {
  predecessors: PlannedPredecessor[];
  events: PlannedLineageEvent[];
} {
  const predecessors: PlannedPredecessor[] = [];
  const events: PlannedLineageEvent[] = [];
  const byTarget = new Map<string, string[]>();
  for (const [name, target] of Object.entries(data.agencies.legacy_map)) {
    const known = FORMER_MINISTRIES[name];
    const code =
      known?.code ??
      `OLD_${asciiName(name)
        .split(/[^A-Za-z]+/)
        .filter(Boolean)
        .map((w) => w[0]!.toUpperCase())
        .join('')}`;
    predecessors.push({
      code,
      kind: known?.kind ?? 'ministry',
      nameVi: name,
      nameEn: known?.nameEn ?? null,
      parentCode: GOVERNMENT_CODE,
      validFrom: null,
      validTo: '2025-02-28',
      source: 'agencies.json legacy_map: Nghị quyết 176/2025/QH15',
    });
    byTarget.set(target, [...(byTarget.get(target) ?? []), code]);
  }
  for (const [target, fromCodes] of byTarget) {
    events.push({
      sourceKey: `nq176:${target}`,
      kind: 'merge',
      effectiveDate: '2025-03-01',
      legalBasis: 'Nghị quyết 176/2025/QH15',
      note: 'Cơ cấu tổ chức của Chính phủ nhiệm kỳ Quốc hội khóa XV (agencies.json legacy_map)',
      fromCodes: fromCodes.sort(),
      toCodes: [target],
    });
  }
  for (const p of data.agencies.provinces) {
    if (!p.merged_from?.length) continue;
    const fromCodes: string[] = [];
    for (const former of p.merged_from) {
      const short = former.replace(/^TP\.\s*/u, '');
      const isCity = FORMER_CITIES.has(short);
      const ascii = asciiName(short);
      const code = `P63_${ascii
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '_')
        .replace(/^_|_$/g, '')}`;
      predecessors.push({
        code,
        kind: isCity ? 'city' : 'province',
        nameVi: `${isCity ? 'Thành phố' : 'Tỉnh'} ${short}`,
        nameEn: `${ascii} ${isCity ? 'City' : 'Province'}`,
        parentCode: GOVERNMENT_CODE,
        validFrom: null,
        validTo: '2025-06-30',
        source: 'agencies.json merged_from: Nghị quyết 202/2025/QH15',
      });
      fromCodes.push(code);
    }
    events.push({
      sourceKey: `nq202:${p.code}`,
      kind: 'merge',
      effectiveDate: '2025-07-01',
      legalBasis: 'Nghị quyết 202/2025/QH15',
      note: 'Sắp xếp đơn vị hành chính cấp tỉnh (agencies.json merged_from)',
      fromCodes: fromCodes.sort(),
      toCodes: [p.code],
    });
  }
  return { predecessors, events };
}

export function agencyDirectory(orgs: PlannedOrg[], aliases: PlannedAlias[]): AgencyDirectory {
  const names = new Map<string, string>();
  const legacy = new Map<string, string>();
  const display = new Map<string, string>();
  for (const o of orgs) {
    names.set(foldKey(o.nameVi), o.code);
    display.set(foldKey(o.nameVi), o.nameVi);
  }
  for (const a of aliases) {
    (a.kind === 'legacy' ? legacy : names).set(a.normalized, a.orgCode);
    display.set(a.normalized, a.name);
  }
  return { names, legacy, display };
}

function planAgencies(
  cell: string | undefined,
  role: 'lead' | 'partner',
  taskCode: string,
  directory: AgencyDirectory,
  issues: LoadIssues,
  legacyCounts: Map<string, { mappedTo: string; count: number }>,
): PlannedAgency[] {
  if (!cell?.trim()) return [];
  const seen = new Set<string>();
  const planned: PlannedAgency[] = [];
  for (const name of splitAgencyCell(cell, directory)) {
    const ref: AgencyRef = resolveAgency(name, directory);
    const key =
      ref.kind === 'org' ? ref.orgCode : ref.kind === 'collective' ? ref.collective : `?${foldKey(name)}`;
    if (seen.has(key)) continue; // "Bộ KH&CN, Bộ TT&TT" both map to today's MOST: one assignment.
    seen.add(key);
    if (ref.kind === 'unmapped') {
      issues.unmappedAgencies.push({ taskCode, role, asWritten: name, suggestion: ref.suggestion });
    }
    if (ref.kind === 'org' && ref.viaLegacyName) {
      const entry = legacyCounts.get(name) ?? { mappedTo: ref.orgCode, count: 0 };
      entry.count++;
      legacyCounts.set(name, entry);
    }
    planned.push({
      role,
      position: planned.length,
      orgCode: ref.kind === 'org' ? ref.orgCode : null,
      collective: ref.kind === 'collective' ? ref.collective : null,
      nameAsWritten: name,
    });
  }
  return planned;
}

function parseTargetValue(value: ProgramData['targets'][number]['target_value']): {
  text: string;
  value: number | null;
  max: number | null;
} {
  if (typeof value === 'number') return { text: String(value), value, max: null };
  if (typeof value === 'object')
    return { text: `${value.min}–${value.max}`, value: value.min, max: value.max };
  return { text: value, value: null, max: null };
}

export function planProgram(data: ProgramData): ProgramPlan {
  const { orgs, aliases } = planOrgs(data);
  const directory = agencyDirectory(orgs, aliases);
  const issues: LoadIssues = {
    unmappedAgencies: [],
    legacyNamesMapped: [],
    unparsedDeadlines: [],
    tasksWithoutProduct: [],
    tasksWithoutLead: [],
  };
  const legacyCounts = new Map<string, { mappedTo: string; count: number }>();
  const doc = data.program.document;

  const groups = data.program.groups.map((g) => ({
    no: g.no,
    titleVi: cleanText(g.title_vi),
    titleEn: g.title_en ? cleanText(g.title_en) : null,
    titleSource: g.title_source ?? null,
  }));
  const items = data.program.groups.flatMap((g) =>
    g.tasks.map((t, position) => ({
      groupNo: g.no,
      code: t.code,
      position,
      textVi: cleanText(t.text_vi),
      textSource: t.text_source ?? null,
    })),
  );

  const tasks: PlannedTask[] = [];
  for (const g of data.program.groups) {
    for (const row of g.appendix_03_tasks) {
      const code = String(row.no);
      const deadline = parseDeadline(row.deadline);
      if (deadline.kind === 'unparsed') {
        issues.unparsedDeadlines.push({
          taskCode: code,
          asWritten: row.deadline ?? null,
          reason: deadline.reason,
        });
      }
      const agencies = [
        ...planAgencies(row.lead, 'lead', code, directory, issues, legacyCounts),
        ...planAgencies(row.partners, 'partner', code, directory, issues, legacyCounts),
      ];
      if (!row.product?.trim()) issues.tasksWithoutProduct.push(code);
      if (!row.lead?.trim()) issues.tasksWithoutLead.push(code);
      const mappedNames = agencies
        .map((a) => orgs.find((o) => o.code === a.orgCode)?.nameVi)
        .filter((n): n is string => Boolean(n));
      const planned: Omit<PlannedTask, 'sourceHash'> = {
        code,
        groupNo: g.no,
        sourceRow: row.no,
        contentVi: cleanText(row.text_vi),
        leadAsWritten: row.lead ? cleanText(row.lead) : null,
        partnersAsWritten: row.partners ? cleanText(row.partners) : null,
        productAsWritten: row.product ? cleanText(row.product) : null,
        productType: classifyProduct(row.product),
        deadlineAsWritten: row.deadline ? cleanText(row.deadline) : null,
        dueDate:
          deadline.kind === 'date'
            ? deadline.dueDate
            : deadline.kind === 'recurring'
              ? deadline.firstDueDate
              : null,
        recurrence: deadline.kind === 'recurring' ? deadline.recurrence : null,
        deadlineRule: deadline.kind === 'unparsed' ? null : deadline.rule,
        sourceDocument: `03/NQ-CP, Phụ lục II, dòng ${row.no}`,
        agencies,
        searchSource: [code, row.text_vi, row.lead, row.partners, row.product, ...mappedNames]
          .filter(Boolean)
          .join(' '),
      };
      tasks.push({ ...planned, sourceHash: hashOf(planned) });
    }
  }
  issues.legacyNamesMapped = [...legacyCounts].map(([asWritten, v]) => ({ asWritten, ...v }));

  const indicatorGroups = new Map<number, { no: number; titleVi: string; horizonYear: number | null }>();
  const targets: PlannedTarget[] = [];
  for (const t of data.targets) {
    const groupNo = t.ap_indicator_no ? Number.parseInt(t.ap_indicator_no, 10) : null;
    if (groupNo !== null && !indicatorGroups.has(groupNo)) {
      const parentTitle = t.parent?.replace(/^\d+\s+/, '');
      const title = parentTitle ?? (t.ap_indicator_no === String(groupNo) ? t.ap_indicator_vi : undefined);
      indicatorGroups.set(groupNo, {
        no: groupNo,
        titleVi: cleanText(title ?? t.ap_indicator_vi ?? t.text_vi),
        horizonYear: t.target_year ?? null,
      });
    }
    const value = parseTargetValue(t.target_value);
    let monitoringAgencyCode: string | null = null;
    const monitoring = t.monitoring_agency_after_2025_merger;
    if (monitoring) {
      const first = splitAgencyCell(monitoring, directory)[0];
      const ref = first ? resolveAgency(first, directory) : null;
      if (ref?.kind === 'org') monitoringAgencyCode = ref.orgCode;
      else
        issues.unmappedAgencies.push({
          taskCode: t.code,
          role: 'monitoring',
          asWritten: monitoring,
          suggestion: null,
        });
    }
    const notes: Record<string, string> = {};
    for (const key of [
      'comparison_note',
      'monitoring_agency_note',
      'baseline_note',
      'text_note',
      'rank_scope',
      'frequency',
    ]) {
      const v = (t as Record<string, unknown>)[key];
      if (typeof v === 'string') notes[key] = v;
    }
    const planned: Omit<PlannedTarget, 'sourceHash'> = {
      code: t.code,
      indicatorGroupNo: groupNo,
      indicatorNo: t.ap_indicator_no ?? null,
      textVi: cleanText(t.text_vi),
      textEn: cleanText(t.gloss_en),
      targetValueText: value.text,
      targetValue: value.value,
      targetValueMax: value.max,
      unit: t.unit === '-' ? null : t.unit,
      comparison: t.comparison as Comparison,
      comparisonInferred: t.comparison_inferred ?? false,
      targetYear: t.target_year ?? null,
      inNq57: t.in_nq57,
      monitoringAgencyCode,
      monitoringAgencyAsWritten: monitoring ?? null,
      notes,
      sources: t.sources,
    };
    targets.push({ ...planned, sourceHash: hashOf(planned) });
  }

  return {
    program: {
      code: PROGRAM_CODE,
      nameVi: 'Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW',
      nameEn: "Government's Action Program implementing Resolution 57-NQ/TW",
      documentNo: doc.current.no,
      documentDate: doc.current.date,
      replacesDocumentNo: doc.replaced.no,
      parentDocumentNo: doc.parent.no,
      sources: doc.current.sources,
    },
    orgs,
    aliases,
    groups,
    items,
    tasks,
    indicatorGroups: [...indicatorGroups.values()].sort((a, b) => a.no - b.no),
    targets,
    issues,
    sourceHash: hashOf(data.rawFiles),
  };
}
