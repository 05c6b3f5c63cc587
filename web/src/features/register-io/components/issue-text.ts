import type { TFunction } from 'i18next';
import { apiErrorText } from '../../../components/form-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import type { RowIssue } from '../api/register-import.ts';

/** File problems the server names by a stable code (src/modules/register-io/register-file.ts). */
const FILE_PROBLEMS = new Set([
  'empty',
  'xls',
  'not_xlsx',
  'unreadable_xlsx',
  'no_sheet',
  'sheet_missing',
  'merged_cells',
  'formulas',
  'utf16',
  'not_utf8',
  'unreadable_csv',
  'no_columns',
  'too_large',
]);

/** A row's problem in the reader's language; the server's English words when the code is new to us. */
export function rowIssueText(t: TFunction, issue: RowIssue): string {
  const code =
    issue.code === 'agency_unknown' && issue.params?.suggestion ? 'agency_unknown_suggestion' : issue.code;
  const key = `registerIo.issues.${code}`;
  const text = t(key, { ...issue.params, defaultValue: '' });
  return text || issue.message;
}

/** Why a file was refused, in the reader's language when the server named the problem. */
export function fileErrorText(t: TFunction, error: unknown, fileBytes?: number): string {
  if (error instanceof ApiError) {
    const issue = error.issues[0] as { code?: string; params?: Record<string, string | number> } | undefined;
    if (issue?.code && FILE_PROBLEMS.has(issue.code))
      return t(`registerIo.fileProblems.${issue.code}`, { ...issue.params });
    if (error.status === 413)
      return t('registerIo.fileProblems.too_large', {
        megabytes: fileBytes ? (fileBytes / 1024 / 1024).toFixed(1) : '> 50',
        limit: 50,
      });
  }
  return apiErrorText(t, error);
}
