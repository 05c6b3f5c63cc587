import { z } from 'zod';
import { cleanText } from './text.ts';

/** Shared pieces of request schemas, so every endpoint validates the same way. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** Search text: NFC (decomposed input finds composed text), trimmed, bounded. */
export const searchText = z
  .string()
  .max(200)
  .transform((v) => cleanText(v))
  .optional();

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  }, 'is not a real date');

export const programCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be a program code')
  .default('NQ57');

export function paginated<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
