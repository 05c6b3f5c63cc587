import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { formatDate } from '../../../lib/format.ts';
import { ExtensionRequestForm } from '../../extensions/components/extension-request-form.tsx';
import { TaskDeadlines } from '../../extensions/components/task-deadlines.tsx';
import { assignItem, cancelItem, type PlanTask, type TaskProgress, usePlanChange } from '../api/plans.ts';
import { PlanItemForm } from './plan-item-form.tsx';

export interface TreeContext {
  agency: string;
  programTasks: PlanTask[];
  items: PlanTask[];
  childrenOf: Map<number, PlanTask[]>;
  progress: Map<number, TaskProgress>;
  /** The person keeps this agency's plan (focal officer there). */
  canManage: boolean;
  /** The person may ask to extend the agency's tasks (focal officer or head there). */
  canRequest: (task: PlanTask) => boolean;
}

type Mode = 'add' | 'edit' | 'cancel' | 'extend' | 'deadlines' | null;

/** One task of the plan tree (a Program task or a plan item) with its items below it. */
export function PlanNode({ task, ctx, level }: { task: PlanTask; ctx: TreeContext; level: number }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(null);
  const [reason, setReason] = useState('');
  const assign = usePlanChange(() => assignItem(ctx.agency, task.id));
  const cancel = usePlanChange((why: string) => cancelItem(ctx.agency, task.id, why));
  const children = ctx.childrenOf.get(task.id) ?? [];
  const progress = ctx.progress.get(task.id);
  const isItem = task.planId !== null;
  const live = task.registerState !== 'cancelled';
  const toggle = (next: Mode) => setMode(mode === next ? null : next);
  const leadName =
    task.leads
      .map((l) => (l.collective ? t(`collective.${l.collective}`) : (l.nameVi ?? l.nameAsWritten)))
      .join(', ') || null;

  return (
    <li
      className={`plan-node plan-node--${isItem ? 'item' : 'program'}`}
      data-testid={`plan-node-${task.code}`}
    >
      <div className="plan-node__body">
        <p className="plan-node__head">
          <span className="tag tag--code">{task.code}</span>
          <span className="tag">{isItem ? t('plans.node.item') : t('plans.node.programTask')}</span>
          <span className={`badge plan-state plan-state--${task.registerState}`}>
            {t(`plans.state.${task.registerState}`)}
          </span>
          {task.missing.length > 0 && live && (
            <span className="badge badge--warn">
              {t('plans.node.missing', { parts: task.missing.map((p) => t(`fiveR.${p}.title`)).join(', ') })}
            </span>
          )}
        </p>
        <p className="plan-node__content">{task.contentVi}</p>
        <dl className="plan-node__facts">
          <dt>{t('plans.node.lead')}</dt>
          <dd>{leadName ?? '—'}</dd>
          <dt>{t('plans.node.deadline')}</dt>
          <dd>
            {task.dueDate ? formatDate(task.dueDate) : (task.deadlineAsWritten ?? '—')}
            {task.originalDueDate && task.originalDueDate !== task.dueDate && (
              <span className="muted">
                {' '}
                {t('plans.node.original', { date: formatDate(task.originalDueDate) })}
              </span>
            )}
          </dd>
          {progress && (
            <>
              <dt>{t('plans.node.progress')}</dt>
              <dd className="plan-node__progress">
                <progress
                  max={100}
                  value={progress.progress}
                  aria-label={t('plans.node.progressOf', { code: task.code })}
                />{' '}
                {t('plans.node.percent', { value: progress.progress })}
                {progress.completed && <span className="badge badge--ok">{t('plans.node.completed')}</span>}
                {progress.gaps > 0 && (
                  <span className="muted"> {t('plans.node.gaps', { count: progress.gaps })}</span>
                )}
              </dd>
            </>
          )}
          {task.cancelReason && (
            <>
              <dt>{t('plans.node.cancelReason')}</dt>
              <dd>{task.cancelReason}</dd>
            </>
          )}
        </dl>
        <div className="plan-node__actions">
          {ctx.canManage && live && (
            <button
              type="button"
              className="link-button"
              aria-expanded={mode === 'add'}
              onClick={() => toggle('add')}
            >
              {t('plans.node.addUnder', { code: task.code })}
            </button>
          )}
          {ctx.canManage && isItem && live && (
            <>
              <button
                type="button"
                className="link-button"
                aria-expanded={mode === 'edit'}
                onClick={() => toggle('edit')}
              >
                {t('plans.node.edit', { code: task.code })}
              </button>
              {task.registerState === 'draft' && (
                <button
                  type="button"
                  className="link-button"
                  disabled={assign.isPending}
                  onClick={() => assign.mutate(undefined)}
                >
                  {t('plans.node.assign', { code: task.code })}
                </button>
              )}
              <button
                type="button"
                className="link-button"
                aria-expanded={mode === 'cancel'}
                onClick={() => toggle('cancel')}
              >
                {t('plans.node.cancel', { code: task.code })}
              </button>
            </>
          )}
          {task.registerState === 'assigned' && task.dueDate && ctx.canRequest(task) && (
            <button
              type="button"
              className="link-button"
              aria-expanded={mode === 'extend'}
              onClick={() => toggle('extend')}
            >
              {t('plans.node.extend', { code: task.code })}
            </button>
          )}
          {task.registerState === 'assigned' && (
            <button
              type="button"
              className="link-button"
              aria-expanded={mode === 'deadlines'}
              onClick={() => toggle('deadlines')}
            >
              {t('plans.node.deadlines', { code: task.code })}
            </button>
          )}
        </div>
        <FormError error={assign.error} />
        {mode === 'add' && (
          <PlanItemForm
            agency={ctx.agency}
            parent={task}
            programTasks={ctx.programTasks}
            items={ctx.items}
            onDone={() => setMode(null)}
          />
        )}
        {mode === 'edit' && (
          <PlanItemForm
            agency={ctx.agency}
            item={task}
            programTasks={ctx.programTasks}
            items={ctx.items}
            onDone={() => setMode(null)}
          />
        )}
        {mode === 'cancel' && (
          <form
            className="inline-form"
            aria-label={t('plans.node.cancel', { code: task.code })}
            onSubmit={(e) => {
              e.preventDefault();
              cancel.mutate(reason, { onSuccess: () => setMode(null) });
            }}
          >
            <div className="field">
              <label className="field__label" htmlFor={`cancel-${task.id}`}>
                {t('plans.node.cancelWhy')}
              </label>
              <textarea
                id={`cancel-${task.id}`}
                required
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            </div>
            <FormError error={cancel.error} />
            <div className="inline-form__actions">
              <button type="submit" className="button" disabled={cancel.isPending}>
                {t('plans.node.cancelConfirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setMode(null)}>
                {t('plans.cancelAction')}
              </button>
            </div>
          </form>
        )}
        {mode === 'extend' && task.dueDate && (
          <ExtensionRequestForm
            taskId={task.id}
            agency={ctx.agency}
            currentDueDate={task.dueDate}
            onDone={() => setMode('deadlines')}
            onCancel={() => setMode(null)}
          />
        )}
        {mode === 'deadlines' && <TaskDeadlines taskId={task.id} />}
      </div>
      {children.length > 0 && (
        <ul className="plan-tree" aria-label={t('plans.node.children', { code: task.code })}>
          {children.map((c) => (
            <PlanNode key={c.id} task={c} ctx={ctx} level={level + 1} />
          ))}
        </ul>
      )}
    </li>
  );
}
