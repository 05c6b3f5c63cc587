/**
 * The register table's columns. The ids are also what a saved view stores, so they match the server's
 * REGISTER_VIEW_COLUMNS (src/modules/register/register-views.inputs.ts; columns.test.ts checks it).
 * `width` (rem) keeps the layout fixed while rows scroll in and out of the rendered window.
 */
export const COLUMNS = [
  { id: 'code', width: 6.5 },
  { id: 'group', width: 5 },
  { id: 'content', width: 26 },
  { id: 'lead', width: 13 },
  { id: 'partners', width: 15 },
  { id: 'head', width: 12 },
  { id: 'focal', width: 12 },
  { id: 'productType', width: 9 },
  { id: 'product', width: 15 },
  { id: 'deadlineAsWritten', width: 10 },
  { id: 'dueDate', width: 8 },
  { id: 'originalDueDate', width: 8 },
  { id: 'state', width: 7.5 },
  { id: 'missing', width: 11 },
  { id: 'source', width: 11 },
  { id: 'targets', width: 6 },
] as const;

export type ColumnId = (typeof COLUMNS)[number]['id'];
export const COLUMN_IDS: readonly ColumnId[] = COLUMNS.map((c) => c.id);
export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  'code',
  'content',
  'lead',
  'dueDate',
  'state',
  'missing',
];

export const isColumnId = (value: string): value is ColumnId =>
  (COLUMN_IDS as readonly string[]).includes(value);
export const columnWidth = (id: ColumnId) => COLUMNS.find((c) => c.id === id)?.width ?? 10;
