import { z } from 'zod';
import type { EventRow, UnitRow } from './org-units.repository.ts';

/** Response shapes of the organisation admin API. */
export const unitSchema = z.object({
  /** The id other APIs take (people, reports, bottlenecks); the code is the stable public key. */
  id: z.number(),
  code: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  status: z.enum(['current', 'closed']),
  level: z.number(),
  openChildren: z.number(),
  source: z.string().nullable(),
});

export function presentUnit(u: UnitRow): z.infer<typeof unitSchema> {
  return {
    id: u.id,
    code: u.code,
    kind: u.kind,
    nameVi: u.nameVi,
    nameEn: u.nameEn,
    parentCode: u.parentCode,
    validFrom: u.validFrom,
    validTo: u.validTo,
    status: u.validTo ? 'closed' : 'current',
    level: u.level,
    openChildren: u.openChildren,
    source: u.source,
  };
}

export const lineageEventSchema = z.object({
  id: z.number(),
  kind: z.enum(['merge', 'split', 'rename']),
  effectiveDate: z.string(),
  legalBasis: z.string().nullable(),
  note: z.string().nullable(),
  from: z.array(z.string()),
  to: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
});

export function presentEvent(e: EventRow): z.infer<typeof lineageEventSchema> {
  return {
    id: e.id,
    kind: e.kind,
    effectiveDate: e.effectiveDate,
    legalBasis: e.legalBasis,
    note: e.note,
    from: e.fromCodes,
    to: e.toCodes,
    details: e.details ?? {},
  };
}

const relatedSchema = unitSchema.extend({ depth: z.number() });

export const unitDetailSchema = unitSchema.extend({
  parent: unitSchema.nullable(),
  formerNames: z.array(z.object({ name: z.string(), kind: z.string(), note: z.string().nullable() })),
  predecessors: z.array(relatedSchema),
  successors: z.array(relatedSchema),
  events: z.array(lineageEventSchema),
});
