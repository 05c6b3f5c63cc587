import { describe, expect, it } from 'vitest';
import type { StatusKind } from '../task-status/task-status.rules.ts';
import type { ProgressStatus } from './progress.ts';
import { type LinkedTaskState, linkWarnings, taskDone, taskOverdue } from './target-task-warnings.ts';

const task = (code: string, status: StatusKind, occurrences: StatusKind[] = []): LinkedTaskState => ({
  taskId: code.length,
  code,
  status,
  occurrences: occurrences.map((s) => ({ status: s })),
});
const target = (progressStatus: ProgressStatus) => ({ code: 'T1', progressStatus });

describe('warnings where tasks and the target they serve disagree', () => {
  it('warns when every linked task is done but the target is off track', () => {
    const done = [task('1.a', 'completed_on_time'), task('1.b', 'completed_late')];
    for (const status of ['limited_progress', 'deterioration'] as const) {
      expect(linkWarnings(target(status), done)).toEqual([
        {
          kind: 'tasks_done_target_off_track',
          targetCode: 'T1',
          progressStatus: status,
          taskCodes: ['1.a', '1.b'],
        },
      ]);
    }
  });

  it('says nothing while a task is still open, or when the target is not off track', () => {
    const mixed = [task('1.a', 'completed_on_time'), task('1.b', 'open_within_deadline')];
    expect(linkWarnings(target('deterioration'), mixed)).toEqual([]);
    const done = [task('1.a', 'completed_on_time')];
    for (const status of [
      'moderate_progress',
      'substantial_progress',
      'target_achieved',
      'insufficient_data',
      'not_assessed',
    ] as const)
      expect(linkWarnings(target(status), done)).toEqual([]);
  });

  it('warns when the target is on track while linked tasks are overdue, naming the overdue ones', () => {
    const tasks = [
      task('2.a', 'open_overdue'),
      task('2.b', 'completed_on_time'),
      task('2.c', 'recurring', ['completed_on_time', 'open_overdue']),
      task('2.d', 'recurring', ['completed_late', 'open_within_deadline']),
    ];
    expect(linkWarnings(target('substantial_progress'), tasks)).toEqual([
      {
        kind: 'target_on_track_tasks_overdue',
        targetCode: 'T1',
        progressStatus: 'substantial_progress',
        taskCodes: ['2.a', '2.c'],
      },
    ]);
    expect(linkWarnings(target('target_achieved'), tasks)[0]?.taskCodes).toEqual(['2.a', '2.c']);
    expect(linkWarnings(target('moderate_progress'), tasks)).toEqual([]);
    expect(linkWarnings(target('limited_progress'), tasks)).toEqual([]);
  });

  it('needs at least one linked task, and never calls a recurring task done', () => {
    expect(linkWarnings(target('deterioration'), [])).toEqual([]);
    const ongoing = task('3.a', 'recurring', ['completed_on_time']);
    expect(taskDone(ongoing)).toBe(false);
    expect(taskOverdue(ongoing)).toBe(false);
    expect(linkWarnings(target('deterioration'), [ongoing])).toEqual([]);
    expect(taskOverdue(task('3.b', 'completed_late'))).toBe(false);
    expect(taskOverdue(task('3.c', 'not_yet_due'))).toBe(false);
  });
});
