import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useCan } from '../../auth/api/get-me.ts';
import {
  type RegisterTask,
  type TaskInput,
  useCreateTask,
  useRegisterTask,
  useUpdateTask,
} from '../api/register-tasks.ts';
import {
  changedInput,
  EMPTY_VALUES,
  type FormValues,
  factsOf,
  initialLeadCount,
  isDirty,
  valuesOf,
} from '../task-form-values.ts';
import { FiveRChecklist } from './five-r-checklist.tsx';
import { StateBadge } from './register-cells.tsx';
import { useTaskFacts } from './task-facts.tsx';
import { TaskForm } from './task-form.tsx';
import { AssignPanel, CancelPanel, DeadlinesPanel } from './task-panels.tsx';
import { useAgencyLabel } from './use-agency-label.ts';
import '../register.css';

/** /register/tasks/new and /register/tasks/:id: the task editor (or, without register.manage, the task). */
export function TaskEditorPage() {
  const { id } = useParams();
  if (id === undefined) return <TaskEditor />;
  return <ExistingTask id={Number(id)} />;
}

function ExistingTask({ id }: { id: number }) {
  const task = useRegisterTask(id);
  return <QueryState query={task}>{(data) => <TaskEditor key={data.id} task={data} />}</QueryState>;
}

function TaskEditor({ task }: { task?: RegisterTask }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('register.manage');
  const label = useAgencyLabel();
  const [initial, setInitial] = useState<FormValues>(() => (task ? valuesOf(task) : EMPTY_VALUES));
  const [values, setValues] = useState<FormValues>(initial);
  const [message, setMessage] = useState('');
  const create = useCreateTask();
  const update = useUpdateTask(task?.id ?? 0);
  const write = task ? update : create;

  const state = task?.registerState ?? 'draft';
  const editable = canManage && state !== 'cancelled';
  const deadlineLocked = state !== 'draft';
  const dirty = isDirty(values, initial);
  const set = (patch: Partial<FormValues>) => {
    setMessage('');
    setValues((v) => ({ ...v, ...patch }));
  };
  const facts = factsOf(editable ? values : initial, initial, initialLeadCount(task));
  const readDetails = useTaskFacts(task ?? EMPTY_TASK);

  const save = () => {
    const input = changedInput(values, initial, deadlineLocked);
    if (!task) {
      create.mutate(input as TaskInput & { groupNo: number; code: string; contentVi: string }, {
        onSuccess: (created) => navigate(`/register/tasks/${created.id}`, { replace: true }),
      });
      return;
    }
    update.mutate(input, {
      onSuccess: (saved) => {
        const next = valuesOf(saved);
        setInitial(next);
        setValues(next);
        setMessage(t('register.form.saved'));
      },
    });
  };

  const title = task ? t('register.editor.title', { code: task.code }) : t('register.editor.newTitle');
  return (
    <div className="page page--wide register-editor">
      <p className="breadcrumb">
        <Link to="/register">{t('register.title')}</Link> <span aria-hidden="true">›</span>{' '}
        {task ? task.code : t('register.editor.newCrumb')}
      </p>
      <PageTitle title={title} />
      {task && (
        <p className="register-editor__status">
          <StateBadge state={task.registerState} />
          {task.assignedOn && (
            <span>{t('register.editor.assignedOn', { date: formatDate(task.assignedOn) })}</span>
          )}
          <Link to={`/register/tasks/${task.id}/history`}>{t('register.editor.history')}</Link>
          <Link to={`/tasks/${task.id}`}>{t('register.editor.publicPage')}</Link>
        </p>
      )}
      {task?.registerState === 'cancelled' && (
        <p className="notice notice--warn">
          {t('register.editor.cancelled', { reason: task.cancelReason ?? '' })}
        </p>
      )}
      {task && !canManage && <p className="notice">{t('register.readOnly')}</p>}

      {editable ? (
        <div className="register-editor__grid">
          <div className="register-editor__main">
            <TaskForm
              values={values}
              set={set}
              severalLeads={task && task.leads.length > 1 ? task.leads.map(label) : []}
              deadlineLocked={deadlineLocked}
              deadlineNote={task && <DeadlinesPanel task={task} />}
              isNew={!task}
              dirty={dirty}
              pending={write.isPending}
              error={write.error}
              message={message}
              onSubmit={save}
              onReset={() => setValues(initial)}
            />
            {task && task.registerState === 'draft' && <AssignPanel task={task} dirty={dirty} />}
            {task && <CancelPanel task={task} />}
          </div>
          <aside className="register-editor__aside">
            <FiveRChecklist facts={facts} />
          </aside>
        </div>
      ) : (
        // Reading: the checklist with what the task states under each part, then its deadlines.
        task && (
          <div className="register-editor__read">
            <FiveRChecklist facts={facts} details={readDetails} />
            {task.registerState !== 'draft' && (
              <section className="card" aria-labelledby="register-deadlines-title">
                <h2 id="register-deadlines-title">{t('register.deadlines.title')}</h2>
                <DeadlinesPanel task={task} />
              </section>
            )}
          </div>
        )
      )}
    </div>
  );
}

/** Stands in for the task on the "new task" page, where the read-only details are never shown. */
const EMPTY_TASK: RegisterTask = {
  id: 0,
  programId: 0,
  planId: null,
  parentTaskId: null,
  groupNo: 0,
  code: '',
  contentVi: '',
  sourceDocument: null,
  sourceItem: null,
  leads: [],
  partners: [],
  accountableHead: { userId: null, name: null },
  focalOfficer: { userId: null, name: null },
  productType: null,
  productDescription: null,
  deadlineAsWritten: null,
  dueDate: null,
  recurrence: null,
  deadlineRule: null,
  originalDueDate: null,
  registerState: 'draft',
  assignedOn: null,
  cancelReason: null,
  targetIds: [],
  missing: [],
};
