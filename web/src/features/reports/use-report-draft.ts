import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import {
  type DraftConflictBody,
  type ReportContent,
  type ReportDetail,
  reportQuery,
  saveDraft,
} from './api/reports.ts';
import { contentFromDetail, mergeDrafts, type Overridden, sameContent } from './report-draft.ts';

/** A bottleneck line just added and not yet described is not sent (the server needs a description). */
const withoutBlankRows = (c: ReportContent): ReportContent => ({
  ...c,
  items: c.items.map((i) => ({ ...i, bottlenecks: i.bottlenecks.filter((b) => b.description.trim()) })),
});

/** Pause in typing before a draft is saved. */
export const SAVE_DELAY_MS = 800;

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'error'; error: unknown; sent: ReportContent }
  | { kind: 'conflict'; conflict: Required<Pick<DraftConflictBody, 'changes' | 'current' | 'lockVersion'>> };

/**
 * The report being edited: the person's draft, saved as a whole a moment after they stop typing with
 * the version it was based on. A save someone else beat answers 409; autosave then stops until the
 * person has seen what changed and continues from the current version with their own edits merged in.
 */
export function useReportDraft(report: ReportDetail) {
  const client = useQueryClient();
  const [draft, setDraftState] = useState(() => contentFromDetail(report));
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: report.updatedAt });
  const [overridden, setOverridden] = useState<Overridden[]>([]);
  const draftRef = useRef(draft);
  const baseRef = useRef(draft);
  const versionRef = useRef(report.lockVersion);
  const saving = useRef(false);
  const again = useRef(false);
  const blocked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    if (blocked.current) return;
    if (saving.current) {
      again.current = true;
      return;
    }
    const sent = draftRef.current;
    if (sameContent(sent, baseRef.current)) return;
    saving.current = true;
    setState({ kind: 'saving' });
    try {
      const answer = await saveDraft(report.id, versionRef.current, withoutBlankRows(sent));
      versionRef.current = answer.lockVersion;
      baseRef.current = sent;
      client.setQueryData(reportQuery(report.id).queryKey, answer);
      setState(
        sameContent(draftRef.current, sent)
          ? { kind: 'saved', at: new Date().toISOString() }
          : { kind: 'dirty' },
      );
    } catch (error) {
      const body = error instanceof ApiError ? (error.details as Partial<DraftConflictBody>) : {};
      if (error instanceof ApiError && error.status === 409 && body.current && body.lockVersion) {
        blocked.current = true;
        setState({
          kind: 'conflict',
          conflict: { changes: body.changes ?? [], current: body.current, lockVersion: body.lockVersion },
        });
      } else {
        setState({ kind: 'error', error, sent });
      }
    } finally {
      saving.current = false;
      if (again.current) {
        again.current = false;
        void save();
      }
    }
  }, [client, report.id]);

  const setDraft = useCallback(
    (update: (current: ReportContent) => ReportContent) => {
      draftRef.current = update(draftRef.current);
      setDraftState(draftRef.current);
      if (blocked.current) return;
      setState({ kind: 'dirty' });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [save],
  );

  /** After a conflict: the current version, with the person's own edits where nobody else changed them. */
  const continueFromCurrent = useCallback(() => {
    if (state.kind !== 'conflict') return;
    const { current, lockVersion } = state.conflict;
    const { merged, overridden: lost } = mergeDrafts(baseRef.current, draftRef.current, current);
    baseRef.current = current;
    versionRef.current = lockVersion;
    draftRef.current = merged;
    blocked.current = false;
    setDraftState(merged);
    setOverridden(lost);
    setState({ kind: 'saved', at: new Date().toISOString() });
    // File names of evidence the other editor added come with the report.
    void client.invalidateQueries({ queryKey: reportQuery(report.id).queryKey });
    if (!sameContent(merged, current)) {
      setState({ kind: 'dirty' });
      void save();
    }
  }, [state, client, report.id, save]);

  // Leaving the page saves what is pending instead of dropping it.
  useEffect(
    () => () => {
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        if (!blocked.current && !sameContent(draftRef.current, baseRef.current))
          void saveDraft(report.id, versionRef.current, draftRef.current).catch(() => {});
      }
    },
    [report.id],
  );

  return {
    draft,
    setDraft,
    state,
    overridden,
    dismissOverridden: () => setOverridden([]),
    continueFromCurrent,
    saveNow: save,
    lockVersion: () => versionRef.current,
  };
}
