import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { ErrorMessage, Loading } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { orgUnitsQuery } from '../../admin/api/orgs.ts';
import { useMe } from '../../auth/api/get-me.ts';
import {
  copyDown,
  type PlanTask,
  type PlanView,
  usePlan,
  usePlanChange,
  usePlanProgress,
  usePlans,
} from '../api/plans.ts';
import { holdsAt, leadsInclude } from '../plan-access.ts';
import { PlanItemForm } from './plan-item-form.tsx';
import { PlanNode, type TreeContext } from './plan-node.tsx';
import '../plans.css';

/**
 * An agency's plan as a tree: each Program task it implements, the plan's items below it and the items
 * handed to its units (departments, communes) below those, with progress rolled up.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const agencyCode = useParams().agency ?? '';
  const me = useMe().data;
  const units = useQuery(orgUnitsQuery({ root: agencyCode }));
  const agency = units.data?.items.find((u) => u.code === agencyCode);
  // The list says whether the agency has a plan, so a page without one asks for nothing that is not there.
  const list = usePlans();
  const exists = list.data?.items.some((p) => p.agencyCode === agencyCode);
  const plan = usePlan(agencyCode, exists === true);
  const progress = usePlanProgress(agencyCode, plan.isSuccess);
  const canManage = holdsAt(me, ['focal_officer'], agency);
  const canAsk = holdsAt(me, ['focal_officer', 'agency_head'], agency);
  const copy = usePlanChange(() => copyDown(agencyCode));
  const [adding, setAdding] = useState(false);
  const name = agency ? pick(agency.nameVi, agency.nameEn) : agencyCode;
  const noPlan = list.isSuccess && !exists;

  const copyButton = canManage && (
    <div className="plan-copy">
      <button
        type="button"
        className="button"
        disabled={copy.isPending}
        onClick={() => copy.mutate(undefined)}
      >
        {noPlan ? t('plans.copyDown.start') : t('plans.copyDown.again')}
      </button>
      <span className="field__hint">{t('plans.copyDown.hint')}</span>
      <div role="status">
        {copy.isSuccess && (
          <p className="notice notice--ok">{t('plans.copyDown.done', { count: copy.data.created.length })}</p>
        )}
      </div>
      <FormError error={copy.error} />
    </div>
  );

  return (
    <div className="page page--wide plans">
      <p className="breadcrumb">
        <Link to="/plans">{t('plans.title')}</Link>
      </p>
      <PageTitle title={plan.data?.plan.titleVi ?? t('plans.planOf', { agency: name })} />
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : noPlan ? (
        <section className="card section">
          <p>{t('plans.noPlan', { agency: name })}</p>
          {copyButton || <p className="muted">{t('plans.noPlanReader')}</p>}
        </section>
      ) : plan.isError ? (
        <ErrorMessage error={plan.error} onRetry={() => void plan.refetch()} />
      ) : plan.isPending ? (
        <Loading />
      ) : (
        <>
          <PlanSummary view={plan.data} />
          {copyButton}
          {canManage && (
            <section className="section">
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={adding}
                onClick={() => setAdding(!adding)}
              >
                {t('plans.form.addTitle')}
              </button>
              {adding && (
                <PlanItemForm
                  agency={agencyCode}
                  programTasks={plan.data.programTasks}
                  items={plan.data.items}
                  onDone={() => setAdding(false)}
                />
              )}
            </section>
          )}
          <PlanTree
            view={plan.data}
            ctx={{
              agency: agencyCode,
              canManage,
              canRequest: (task) => canAsk && agency !== undefined && leadsInclude(task, agency),
              progress: new Map((progress.data?.items ?? []).map((p) => [p.taskId, p])),
            }}
          />
        </>
      )}
    </div>
  );
}

function PlanSummary({ view }: { view: PlanView }) {
  const { t } = useTranslation();
  const live = view.items.filter((i) => i.registerState !== 'cancelled');
  const covered = new Set(live.map((i) => i.parentTaskId));
  const uncovered = view.programTasks.filter((p) => !covered.has(p.id)).length;
  return (
    <p className="plan-summary" data-testid="plan-summary">
      {t('plans.summary', {
        tasks: view.programTasks.length,
        items: live.length,
        assigned: live.filter((i) => i.registerState === 'assigned').length,
      })}
      {uncovered > 0 && (
        <span className="badge badge--warn">{t('plans.uncovered', { count: uncovered })}</span>
      )}
    </p>
  );
}

function PlanTree({
  view,
  ctx,
}: {
  view: PlanView;
  ctx: Pick<TreeContext, 'agency' | 'canManage' | 'canRequest' | 'progress'>;
}) {
  const { t } = useTranslation();
  const childrenOf = useMemo(() => {
    const map = new Map<number, PlanTask[]>();
    for (const item of view.items) {
      if (item.parentTaskId === null) continue;
      map.set(item.parentTaskId, [...(map.get(item.parentTaskId) ?? []), item]);
    }
    return map;
  }, [view.items]);
  const full: TreeContext = { ...ctx, programTasks: view.programTasks, items: view.items, childrenOf };
  if (view.programTasks.length === 0) return <p className="empty-state">{t('plans.empty')}</p>;
  return (
    <ul className="plan-tree plan-tree--root" aria-label={t('plans.treeLabel')}>
      {view.programTasks.map((task) => (
        <PlanNode key={task.id} task={task} ctx={full} level={0} />
      ))}
    </ul>
  );
}
