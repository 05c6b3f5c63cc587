import { foldKey } from '../../lib/text.ts';
import type { ProductType } from './tasks.schema.ts';

/**
 * The expected product as written ("Quyết định của Thủ tướng Chính phủ") is classed into the list of
 * product types by the first keyword found, in the order of this table (docs/deadline-rules.md §
 * "Product types"). A product naming several documents takes the type named first.
 */
const KEYWORDS: [ProductType, RegExp][] = [
  ['law', /\b(luat|du an luat|ho so de nghi xay dung luat|de xuat sua doi luat)\b/],
  ['resolution', /\bnghi quyet\b/],
  ['decree', /\bnghi dinh\b/],
  ['pm_decision', /\bquyet dinh (cua )?thu tuong\b/],
  ['circular', /\bthong tu\b/],
  ['scheme', /\bde an\b/],
  ['program', /\bchuong trinh\b/],
  ['plan', /\bke hoach\b/],
  ['report', /\bbao cao\b/],
  [
    'platform',
    /\b(nen tang|he thong|co so du lieu|csdl|trung tam du lieu|ung dung|mang luoi ket noi|trung tam doi moi sang tao)\b/,
  ],
];

export function classifyProduct(written: string | null | undefined): ProductType | null {
  if (!written || written.trim() === '') return null;
  const key = foldKey(written);
  let best: { type: ProductType; at: number } | null = null;
  for (const [type, pattern] of KEYWORDS) {
    const match = pattern.exec(key);
    if (match && (best === null || match.index < best.at)) best = { type, at: match.index };
  }
  return best?.type ?? 'other';
}
