import { foldKey } from '../../lib/text.ts';

/**
 * The columns of the Program's appendix, in its order: No. · Task · Lead agency · Partners · Product ·
 * Deadline, plus the optional Group. Headers are recognised in Vietnamese or English, with or without
 * accents, in any case; "Nhiệm vụ (Task)" matches on either part.
 */
export const REGISTER_FIELDS = ['no', 'task', 'lead', 'partners', 'product', 'deadline', 'group'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

export const REQUIRED_FIELDS: RegisterField[] = ['no', 'task'];

/** Export headers: Vietnamese, as the appendix writes them. */
export const HEADERS_VI: Record<RegisterField, string> = {
  no: 'STT',
  task: 'Nhiệm vụ',
  lead: 'Cơ quan chủ trì',
  partners: 'Cơ quan phối hợp',
  product: 'Sản phẩm',
  deadline: 'Thời hạn',
  group: 'Nhóm',
};

export const HEADERS_EN: Record<RegisterField, string> = {
  no: 'No.',
  task: 'Task',
  lead: 'Lead agency',
  partners: 'Partners',
  product: 'Product',
  deadline: 'Deadline',
  group: 'Group',
};

const ALIASES: Record<RegisterField, string[]> = {
  no: ['stt', 'tt', 'so tt', 'so thu tu', 'no', 'number', 'ma', 'ma nhiem vu', 'code'],
  task: [
    'nhiem vu',
    'noi dung',
    'noi dung nhiem vu',
    'ten nhiem vu',
    'nhiem vu cu the',
    'task',
    'tasks',
    'content',
  ],
  lead: ['co quan chu tri', 'chu tri', 'don vi chu tri', 'co quan don vi chu tri', 'lead agency', 'lead'],
  partners: [
    'co quan phoi hop',
    'phoi hop',
    'don vi phoi hop',
    'co quan don vi phoi hop',
    'partners',
    'partner agencies',
    'partner',
  ],
  product: [
    'san pham',
    'san pham du kien',
    'san pham dau ra',
    'ket qua',
    'product',
    'expected product',
    'output',
  ],
  deadline: [
    'thoi han',
    'thoi han hoan thanh',
    'thoi gian hoan thanh',
    'thoi gian',
    'tien do',
    'deadline',
    'due',
    'due date',
  ],
  group: ['nhom', 'nhom nhiem vu', 'group', 'task group'],
};

const BY_ALIAS = new Map<string, RegisterField>(
  REGISTER_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [alias, field] as const)),
);

/** The field a header names, if any: the whole header first, then each part around brackets or slashes. */
export function fieldOfHeader(header: string): RegisterField | null {
  const whole = foldKey(header);
  if (BY_ALIAS.has(whole)) return BY_ALIAS.get(whole)!;
  for (const part of header.split(/[()[\]/|·\n]+/)) {
    const field = BY_ALIAS.get(foldKey(part));
    if (field) return field;
  }
  return null;
}

/** 0-based column index → "A", "B", … "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "C" or "3" (1-based) → 2; anything else → null. */
export function parseColumnRef(ref: string): number | null {
  const text = ref.trim().toUpperCase();
  if (/^\d{1,3}$/.test(text)) return Number(text) >= 1 ? Number(text) - 1 : null;
  if (!/^[A-Z]{1,3}$/.test(text)) return null;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export type ColumnMapping = Partial<Record<RegisterField, number>>;

export interface HeaderMatch {
  /** 1-based row number of the header in the sheet. */
  headerRow: number;
  mapping: ColumnMapping;
}

/** The fields a row's texts name, each at its first column. */
export function headerMapping(texts: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  texts.forEach((text, index) => {
    if (!text) return;
    const field = fieldOfHeader(text);
    if (field && mapping[field] === undefined) mapping[field] = index;
  });
  return mapping;
}

/**
 * The header is the first row (among the first 20) that names the Task column and at least two other
 * columns of the appendix; title rows above it are skipped.
 */
export function detectHeader(rows: { rowNumber: number; texts: string[] }[]): HeaderMatch | null {
  for (const row of rows.slice(0, 20)) {
    const mapping = headerMapping(row.texts);
    if (mapping.task !== undefined && Object.keys(mapping).length >= 3) {
      return { headerRow: row.rowNumber, mapping };
    }
  }
  return null;
}
