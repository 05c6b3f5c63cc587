import { z } from 'zod';
import { isoDate } from '../../lib/http.ts';
import { PRODUCT_TYPES } from '../tasks/tasks.schema.ts';
import { REGISTER_STATES } from './register.schema.ts';

/**
 * The register table's columns, by id. The web app's column list (web/src/features/register/columns.ts)
 * uses the same ids; a unit test there checks the two agree, so a saved view never names a column the
 * table does not have.
 */
export const REGISTER_VIEW_COLUMNS = [
  'code',
  'group',
  'content',
  'lead',
  'partners',
  'head',
  'focal',
  'productType',
  'product',
  'deadlineAsWritten',
  'dueDate',
  'originalDueDate',
  'state',
  'missing',
  'source',
  'targets',
] as const;
export type RegisterViewColumn = (typeof REGISTER_VIEW_COLUMNS)[number];

/** "missing a 5 rõ part": any part, a named part, or complete (none missing). */
export const MISSING_FILTERS = ['any', 'none', 'who', 'what', 'responsibility', 'when', 'result'] as const;

const bounded = z.string().trim().max(200);

/** The filters a view keeps; each is optional and the same as the register page's URL parameters. */
export const viewFiltersSchema = z.strictObject({
  q: bounded.optional(),
  group: z
    .string()
    .regex(/^\d{1,2}$/, 'must be a group number')
    .optional(),
  lead: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,40}$/, 'must be an agency code or a collective')
    .optional(),
  state: z.enum(REGISTER_STATES).optional(),
  missing: z.enum(MISSING_FILTERS).optional(),
  productType: z.enum([...PRODUCT_TYPES, 'none'] as const).optional(),
  dueFrom: isoDate.optional(),
  dueTo: isoDate.optional(),
});

export const viewSettingsSchema = z
  .strictObject({
    filters: viewFiltersSchema,
    sort: z.strictObject({ by: z.enum(REGISTER_VIEW_COLUMNS), dir: z.enum(['asc', 'desc']) }).nullable(),
    columns: z
      .array(z.enum(REGISTER_VIEW_COLUMNS))
      .min(1, 'must name at least one column')
      .max(REGISTER_VIEW_COLUMNS.length)
      .refine((c) => new Set(c).size === c.length, 'must not name a column twice'),
  })
  .refine((s) => !s.filters.dueFrom || !s.filters.dueTo || s.filters.dueFrom <= s.filters.dueTo, {
    path: ['filters', 'dueTo'],
    message: 'must not be before dueFrom',
  });
export type ViewSettings = z.infer<typeof viewSettingsSchema>;

export const viewInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(80),
  settings: viewSettingsSchema,
});
export type ViewInput = z.infer<typeof viewInputSchema>;

/** How many views one person may keep per program: enough for real use, bounded for the table. */
export const MAX_VIEWS_PER_PERSON = 50;
