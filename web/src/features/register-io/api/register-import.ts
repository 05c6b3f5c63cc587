import { apiUrl, sendFile } from '../../../lib/api-client.ts';

/** The register's columns (src/modules/register-io/register-columns.ts), in the appendix's order. */
export const REGISTER_FIELDS = ['no', 'task', 'lead', 'partners', 'product', 'deadline', 'group'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export const REQUIRED_FIELDS: readonly RegisterField[] = ['no', 'task'];

/** The server refuses larger uploads (413); the wizard says so before sending anything. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type IssueParams = Record<string, string | number>;

export interface FileColumns {
  format: 'xlsx' | 'csv';
  sheet: string | null;
  headerRow: number;
  detected: boolean;
  columns: { column: string; header: string; samples: string[] }[];
  mapping: { field: RegisterField; column: string }[];
}

export interface RowIssue {
  column: RegisterField | null;
  code: string;
  message: string;
  suggestion?: string;
  params?: IssueParams;
}

export interface PreviewRow {
  row: number;
  code: string;
  groupNo: number;
  contentVi: string;
  leadAsWritten: string | null;
  partnersAsWritten: string | null;
  productAsWritten: string | null;
  productType: string | null;
  deadlineAsWritten: string | null;
  dueDate: string | null;
  recurrence: string | null;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface ImportPreview {
  programCode: string;
  format: 'xlsx' | 'csv';
  sheet: string | null;
  headerRow: number;
  assignedOn: string | null;
  mapping: { field: string; column: string; header: string }[];
  summary: {
    rows: number;
    ready: number;
    withErrors: number;
    withWarnings: number;
    groupsToCreate: number[];
  };
  rows: PreviewRow[];
}

export interface ImportResult {
  programCode: string;
  imported: number;
  groupsCreated: number[];
  warnings: number;
}

/** Field → column letter ("C"); an empty letter leaves the field out. */
export type ColumnMapping = Partial<Record<RegisterField, string>>;

export interface ImportRequest {
  file: File;
  headerRow: number;
  mapping: ColumnMapping;
}

/** What the name says the file is; the server still decides by the content. */
export function declaredFormat(file: File): 'xlsx' | 'csv' | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.csv')) return 'csv';
  return undefined;
}

const mappingParam = (mapping: ColumnMapping) =>
  Object.entries(mapping)
    .filter(([, column]) => column)
    .map(([field, column]) => `${field}=${column}`)
    .join(',');

const importParams = (r: ImportRequest) => ({
  fileName: r.file.name,
  format: declaredFormat(r.file),
  headerRow: r.headerRow,
  mapping: mappingParam(r.mapping),
});

export const readColumns = (file: File, headerRow?: number) =>
  sendFile<FileColumns>('/register/import/columns', file, { format: declaredFormat(file), headerRow });

export const previewImport = (r: ImportRequest) =>
  sendFile<ImportPreview>('/register/import/preview', r.file, importParams(r));

export const commitImport = (r: ImportRequest) =>
  sendFile<ImportResult>('/register/import', r.file, importParams(r));

/** A download link: the browser sends the session cookie and saves the answer as a file. */
export const exportUrl = (kind: 'register' | 'ledger', format: 'xlsx' | 'csv') =>
  apiUrl('/register/export', { kind, format });
