import type { Recurrence } from './tasks.schema.ts';

/**
 * Deadlines as written in the Program's documents become a due date or a recurrence by the rules
 * in docs/deadline-rules.md. Each rule has a name that is stored with the task, so a reader can see
 * which rule produced a date. Text that no rule covers is reported, never guessed.
 */
export type DeadlineParse =
  | { kind: 'date'; dueDate: string; rule: DeadlineRule }
  | { kind: 'recurring'; recurrence: Recurrence; firstDueDate: string | null; rule: DeadlineRule }
  | { kind: 'unparsed'; reason: 'empty' | 'no_rule' };

export type DeadlineRule =
  | 'exact_date'
  | 'before_date'
  | 'month'
  | 'quarter'
  | 'half_year'
  | 'year'
  | 'year_range'
  | 'yearly'
  | 'yearly_from'
  | 'ongoing';

const YEAR = '(20\\d{2})';
const ROMAN_QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): string {
  return iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Lower-cased, NFC, single spaces, with "năm"/"tháng" spellings kept (they carry meaning). */
function prepare(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
}

type Rule = [RegExp, (m: RegExpExecArray) => DeadlineParse];
const NO_RULE: DeadlineParse = { kind: 'unparsed', reason: 'no_rule' };

/** Tried in order; the first pattern that matches the whole text decides. */
const RULES: Rule[] = [
  // "Thường xuyên", "Nhiệm vụ thường xuyên": ongoing, reported every period, no single due date.
  [
    /^(nhiệm vụ )?thường xuyên\.?$/u,
    () => ({ kind: 'recurring', recurrence: 'ongoing', firstDueDate: null, rule: 'ongoing' }),
  ],
  // "Hằng năm", "Hàng năm": one occurrence per year, due 31/12.
  [
    /^(hằng|hàng) năm\.?$/u,
    () => ({ kind: 'recurring', recurrence: 'yearly', firstDueDate: null, rule: 'yearly' }),
  ],
  // "2025 và những năm tiếp theo", "từ 2025 và các năm tiếp theo": yearly from that year.
  [
    new RegExp(`^(?:từ (?:năm )?)?${YEAR} và (?:những|các) năm tiếp theo\\.?$`, 'u'),
    (m) => ({
      kind: 'recurring',
      recurrence: 'yearly',
      firstDueDate: iso(Number(m[1]), 12, 31),
      rule: 'yearly_from',
    }),
  ],
  // "15/6/2025", "ngày 15/06/2025": that day. "Trước ngày 15/6/2025": the day before, as the Program
  // means it for reports ("trước ngày 01 tháng 12" is due by 30 November).
  [
    new RegExp(`^(trước )?(?:ngày )?(\\d{1,2})[/.-](\\d{1,2})[/.-]${YEAR}\\.?$`, 'u'),
    (m) => {
      const [day, month, year] = [Number(m[2]), Number(m[3]), Number(m[4])];
      if (!isValidDate(year, month, day)) return NO_RULE;
      if (!m[1]) return { kind: 'date', dueDate: iso(year, month, day), rule: 'exact_date' };
      const before = new Date(Date.UTC(year, month - 1, day - 1));
      return {
        kind: 'date',
        dueDate: iso(before.getUTCFullYear(), before.getUTCMonth() + 1, before.getUTCDate()),
        rule: 'before_date',
      };
    },
  ],
  // "Tháng 4/2025", "4/2025", "04/2025", "tháng 4 năm 2025": the last day of that month.
  [
    new RegExp(`^(?:tháng )?(\\d{1,2})(?:/| năm )${YEAR}\\.?$`, 'u'),
    (m) => {
      const [month, year] = [Number(m[1]), Number(m[2])];
      if (month < 1 || month > 12) return NO_RULE;
      return { kind: 'date', dueDate: lastDayOfMonth(year, month), rule: 'month' };
    },
  ],
  // "Quý II/2025", "quý 2 năm 2025": the last day of the quarter.
  [
    new RegExp(`^quý (iv|iii|ii|i|[1-4])(?:/| năm )${YEAR}\\.?$`, 'u'),
    (m) => ({
      kind: 'date',
      dueDate: lastDayOfMonth(Number(m[2]), ROMAN_QUARTERS[m[1]!]! * 3),
      rule: 'quarter',
    }),
  ],
  // "6 tháng đầu năm 2025" → 30/6; "6 tháng cuối năm 2025" → 31/12.
  [
    new RegExp(`^6 tháng (đầu|cuối) năm ${YEAR}\\.?$`, 'u'),
    (m) => ({
      kind: 'date',
      dueDate: m[1] === 'đầu' ? iso(Number(m[2]), 6, 30) : iso(Number(m[2]), 12, 31),
      rule: 'half_year',
    }),
  ],
  // "2025", "năm 2025": 31/12 of that year.
  [
    new RegExp(`^(?:năm )?${YEAR}\\.?$`, 'u'),
    (m) => ({ kind: 'date', dueDate: iso(Number(m[1]), 12, 31), rule: 'year' }),
  ],
  // "2025-2026", "2025 - 2026", "giai đoạn 2025-2026": 31/12 of the last year.
  [
    new RegExp(`^(?:giai đoạn )?${YEAR}-${YEAR}\\.?$`, 'u'),
    (m) =>
      Number(m[2]) < Number(m[1])
        ? NO_RULE
        : { kind: 'date', dueDate: iso(Number(m[2]), 12, 31), rule: 'year_range' },
  ],
];

export function parseDeadline(written: string | null | undefined): DeadlineParse {
  if (written == null || written.trim() === '') return { kind: 'unparsed', reason: 'empty' };
  const text = prepare(written);
  for (const [pattern, decide] of RULES) {
    const match = pattern.exec(text);
    if (match) return decide(match);
  }
  return NO_RULE;
}
