import type { TFunction } from 'i18next';
import { apiErrorText } from '../../../components/form-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';

/**
 * What to tell the coordinator when the live view or a publication is refused. The server's reasons are
 * stable "field: problem" texts (docs/evaluation.md); the common ones are said in the reader's language,
 * anything else as the server wrote it.
 */
export function evaluationRefusalText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.issues.length === 1) {
    const [{ field, problem }] = error.issues as [{ field: string; problem: string }];
    // The server answers in the interface's language (decision 105): each pattern reads either.
    const empty =
      /^has no task due or completed and no report owed by (\d{4}-\d{2}-\d{2})/.exec(problem) ??
      /^không có nhiệm vụ đến hạn hoặc đã hoàn thành và không có báo cáo phải nộp đến ngày (\d{4}-\d{2}-\d{2})/.exec(
        problem,
      );
    if (field === 'period' && empty) return t('evaluationDesk.refusal.empty', { date: formatDate(empty[1]) });
    if (field === 'asOf' && /^(must not be after today|không được sau hôm nay)/.test(problem))
      return t('evaluationDesk.refusal.future');
    const outside =
      /^must fall within the period \S+ \((\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\)/.exec(problem) ??
      /^phải nằm trong kỳ \S+ \(từ (\d{4}-\d{2}-\d{2}) đến (\d{4}-\d{2}-\d{2})\)/.exec(problem);
    if (field === 'asOf' && outside)
      return t('evaluationDesk.refusal.outside', {
        from: formatDate(outside[1]),
        to: formatDate(outside[2]),
      });
  }
  return apiErrorText(t, error);
}
