import type { Db } from '../../db/database.ts';
import { Subject } from '../access/subject.ts';
import { type Actor, systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { BottleneckType } from '../bottlenecks/bottlenecks.schema.ts';
import { illustrativeReportsRepository } from './illustrative-reports.repository.ts';
import { DEFAULT_SCHEDULES, dueDateOf, periodsBetween } from './periods.ts';
import type { ReportItemInput } from './report-content.ts';
import { reportsRepository } from './reports.repository.ts';
import {
  type ActingUser,
  acceptReport,
  createReport,
  returnReport,
  saveDraft,
  submitReport,
} from './reports.service.ts';

/**
 * Demo mode's illustrative reports over 2025 (issue 5, decision 100): a fixed set of stories, some late,
 * some returned then accepted, a few raising bottlenecks. Each goes through the reports service (so the
 * audit trail and task_current_status are as for real reports), dated in 2025 with the services' `at`.
 */
interface Story {
  agency: string;
  period: '2025-H1' | '2025-H2';
  /** Viet Nam local date-times; absent: the obligation stays without a report (missing). */
  submitted?: string;
  returned?: { reason: string; resubmitted: string };
  /** Absent: left waiting for review. */
  accepted?: string;
  bottleneck?: { type: BottleneckType; description: string };
  completed?: boolean;
}

const AT = (local: string) => `${local}:00+07:00`;

export const ILLUSTRATIVE_STORIES: readonly Story[] = [
  { agency: 'BKHCN', period: '2025-H1', submitted: '2025-06-11T09:00', accepted: '2025-06-20T10:00' },
  {
    agency: 'BKHCN',
    period: '2025-H2',
    submitted: '2025-11-27T15:00',
    returned: {
      reason: '(Minh hoạ) Thiếu minh chứng cho nhiệm vụ báo cáo đã hoàn thành.',
      resubmitted: '2025-12-04T09:30',
    },
    accepted: '2025-12-10T14:00',
    completed: true,
  },
  {
    agency: 'BTC',
    period: '2025-H1',
    submitted: '2025-06-13T16:00',
    accepted: '2025-06-26T09:00',
    bottleneck: { type: 'finance', description: '(Minh hoạ) Chưa bố trí đủ kinh phí năm 2025 cho nhiệm vụ.' },
  },
  { agency: 'BTC', period: '2025-H2', submitted: '2025-12-09T10:00', accepted: '2025-12-17T10:00' },
  {
    agency: 'BGDDT',
    period: '2025-H1',
    submitted: '2025-06-27T11:00',
    returned: {
      reason: '(Minh hoạ) Tiến độ chưa khớp với kế hoạch đã giao; đề nghị cập nhật.',
      resubmitted: '2025-07-04T08:30',
    },
    accepted: '2025-07-11T15:00',
  },
  { agency: 'BGDDT', period: '2025-H2' },
  {
    agency: '01',
    period: '2025-H1',
    submitted: '2025-06-12T08:00',
    accepted: '2025-06-19T16:00',
    bottleneck: {
      type: 'infrastructure',
      description: '(Minh hoạ) Hạ tầng trung tâm dữ liệu của thành phố chưa đáp ứng.',
    },
  },
  {
    agency: '01',
    period: '2025-H2',
    submitted: '2025-11-25T09:00',
    accepted: '2025-12-05T09:00',
    completed: true,
  },
  { agency: '79', period: '2025-H1', submitted: '2025-07-02T10:00', accepted: '2025-07-09T10:00' },
  {
    agency: '79',
    period: '2025-H2',
    submitted: '2025-11-28T17:00',
    bottleneck: {
      type: 'legal',
      description: '(Minh hoạ) Chờ hướng dẫn về cơ chế thử nghiệm có kiểm soát (sandbox).',
    },
  },
];

const ACTOR: Actor = systemActor('demo-reports');

/** The demo's writer and reviewer: not people, only the roles the service checks. */
function actingAs(role: 'agency' | 'coordinator', agencyId: number): ActingUser {
  const user = {
    id: 0,
    name: 'Dữ liệu minh hoạ',
    email: 'illustrative@nq57.example',
    title: null,
    orgUnitId: agencyId,
    isDemo: true,
  };
  const roles = role === 'agency' ? (['focal_officer', 'agency_head'] as const) : (['coordinator'] as const);
  const subject = new Subject(
    user,
    roles.map((r, i) => ({ id: i + 1, role: r, orgUnitId: agencyId, includeSubUnits: false })),
    new Map(roles.map((r) => [r, new Set([agencyId])])),
  );
  // The reviewer belongs to no agency, so the service's independence rule lets it review any.
  return { actor: ACTOR, agencyId: role === 'agency' ? agencyId : null, subject };
}

function content(story: Story, tasks: { id: number; code: string }[]) {
  const items: ReportItemInput[] = tasks.map((task, i) => {
    const done = story.completed && i === 0;
    return {
      taskId: task.id,
      status: done ? 'completed' : 'in_progress',
      progress: done ? 100 : story.period === '2025-H1' ? 30 + 10 * i : 60 + 10 * i,
      completedOn: done ? '2025-10-31' : null,
      doneText: `(Minh hoạ) Nội dung đã thực hiện của nhiệm vụ ${task.code} trong kỳ ${story.period}.`,
      difficulties: story.bottleneck && i === 0 ? story.bottleneck.description : '',
      recommendations: '',
      bottlenecks: story.bottleneck && i === 0 ? [story.bottleneck] : [],
      evidence: done
        ? [{ kind: 'link', url: 'https://example.org/minh-hoa', note: '(Minh hoạ) Minh chứng giả định' }]
        : [],
    };
  });
  return {
    summary: `(Minh hoạ) Báo cáo giả định của kỳ ${story.period}, chỉ có ở chế độ trình diễn.`,
    items,
  };
}

/** One story through the service: draft, save, submit, perhaps return and resubmit, perhaps accept. */
async function tell(
  db: Db,
  story: Story,
  agencyId: number,
  obligationId: number,
  tasks: { id: number; code: string }[],
) {
  const writer = actingAs('agency', agencyId);
  const reviewer = actingAs('coordinator', agencyId);
  const reportId = await createReport(db, writer, obligationId, { illustrative: true });
  let { lockVersion } = await saveDraft(db, writer, {
    reportId,
    lockVersion: 1,
    content: content(story, tasks),
  });
  await submitReport(db, writer, { reportId, lockVersion, at: AT(story.submitted!) });
  if (story.returned) {
    await returnReport(db, reviewer, { reportId, reason: story.returned.reason });
    ({ lockVersion } = await saveDraft(db, writer, {
      reportId,
      lockVersion,
      content: content(story, tasks),
    }));
    await submitReport(db, writer, { reportId, lockVersion, at: AT(story.returned.resubmitted) });
  }
  if (story.accepted) await acceptReport(db, reviewer, { reportId, at: AT(story.accepted) });
}

/**
 * On start. Demo mode: tells each story not told yet (idempotent: a story whose obligation has a report is
 * left as it is; an agency with reports of its own is never touched). Otherwise: removes them all.
 */
export async function applyIllustrativeReports(
  db: Db,
  options: { demo: boolean; programCode?: string },
): Promise<{ created: number; removed: number }> {
  const repo = illustrativeReportsRepository(db);
  if (!options.demo) {
    if ((await repo.countIllustrative()) === 0) return { created: 0, removed: 0 };
    const removed = await db.transaction(async (tx) => {
      const done = await illustrativeReportsRepository(tx).removeAll();
      await recordAudit(tx, ACTOR, { action: 'demo.reports_remove', entityType: 'report', after: done });
      return done.reports;
    });
    return { created: 0, removed };
  }
  const programId = await reportsRepository(db).programId(options.programCode ?? 'NQ57');
  if (programId === null) return { created: 0, removed: 0 }; // the program is not loaded yet
  const schedule = await db.transaction(async (tx) => {
    const reports = reportsRepository(tx);
    if ((await reports.schedules(programId)).length === 0)
      for (const d of DEFAULT_SCHEDULES) await reports.upsertSchedule(programId, { ...d, active: true });
    return (await reports.schedules(programId)).find((s) => s.active && s.frequency === 'semiannual');
  });
  if (!schedule) return { created: 0, removed: 0 }; // the program reports otherwise: no stories to tell
  const periods = new Map(periodsBetween('semiannual', '2025-01-01', '2025-12-31').map((p) => [p.key, p]));
  const agencies = new Map(
    (await repo.agencies([...new Set(ILLUSTRATIVE_STORIES.map((s) => s.agency))])).map((a) => [a.code, a.id]),
  );
  let created = 0;
  for (const story of ILLUSTRATIVE_STORIES) {
    const agencyId = agencies.get(story.agency);
    const period = periods.get(story.period)!;
    if (!agencyId || (await repo.hasRealReports(programId, agencyId))) continue;
    const tasks = await repo.ledTasks(programId, agencyId, 2);
    if (tasks.length === 0) continue;
    const existing = await repo.obligation(programId, agencyId, story.period);
    if (existing && (existing.reports > 0 || !story.submitted)) continue;
    const obligationId =
      existing?.id ??
      (await db.transaction(async (tx) => {
        const id = await illustrativeReportsRepository(tx).insertObligation({
          scheduleId: schedule.id,
          programId,
          agencyId,
          period: period.key,
          periodStart: period.start,
          periodEnd: period.end,
          dueDate: dueDateOf(schedule, period),
        });
        await recordAudit(tx, ACTOR, {
          action: 'demo.obligation_create',
          entityType: 'reporting_obligation',
          entityId: id,
          after: { agency: story.agency, period: story.period, illustrative: true },
        });
        return id;
      }));
    if (!story.submitted) continue;
    await tell(db, story, agencyId, obligationId, tasks);
    created++;
  }
  return { created, removed: 0 };
}
