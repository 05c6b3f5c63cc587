import { date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const ORG_KINDS = [
  'government',
  'ministry',
  'ministerial_agency',
  'government_agency',
  'province',
  'city',
  'department',
  'commune',
  'ward',
  'special_zone',
  'other',
] as const;
// Kept in step with the CHECK constraint in migrations: the SQL is the source of truth.
export type OrgKind = (typeof ORG_KINDS)[number];

/** Every organisation the platform knows: the Government, central bodies, provinces, and below. */
export const orgUnit = pgTable('org_unit', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: text('code').notNull(),
  kind: text('kind').$type<OrgKind>().notNull(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en'),
  parentId: integer('parent_id'),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
  source: text('source'),
  /** ltree of ids from the root, kept by triggers; read as text ("1.57.3400"). */
  path: text('path'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * Other names an organisation is or was known by: names before the 2025 mergers, abbreviations,
 * spelling variants found in the source texts. `normalized` is the accent- and case-free key.
 */
export const orgUnitAlias = pgTable('org_unit_alias', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  orgUnitId: integer('org_unit_id').notNull(),
  name: text('name').notNull(),
  normalized: text('normalized').notNull(),
  kind: text('kind').$type<'legacy' | 'variant' | 'abbreviation'>().notNull(),
  note: text('note'),
});

export const ORG_EVENT_KINDS = ['merge', 'split', 'rename'] as const;
export type OrgEventKind = (typeof ORG_EVENT_KINDS)[number];

/** A change of the administrative map with its date and legal basis; units are linked below. */
export const orgUnitEvent = pgTable('org_unit_event', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  kind: text('kind').$type<OrgEventKind>().notNull(),
  effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
  legalBasis: text('legal_basis'),
  note: text('note'),
  details: jsonb('details').notNull().default({}),
  sourceKey: text('source_key'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** "from": a unit the event closed (or renamed); "to": a unit that carries its history on. */
export const orgUnitEventUnit = pgTable(
  'org_unit_event_unit',
  {
    eventId: integer('event_id').notNull(),
    orgUnitId: integer('org_unit_id').notNull(),
    role: text('role').$type<'from' | 'to'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.role, t.orgUnitId] })],
);
