import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { useTargets } from '../../targets/api/get-targets.ts';
import { type RegisterTask, type TaskVersion, useTaskHistory } from '../api/register-tasks.ts';
import { type DiffValue, diffVersions, type FieldChange } from '../version-diff.ts';
import { formatVietnamTime, vietnamDay } from '../vietnam-time.ts';
import { StateBadge } from './register-cells.tsx';
import { useAgencyLabel } from './use-agency-label.ts';
import '../register.css';

/** /register/tasks/:id/history: every version of a task, newest first, with what changed in each. */
export function TaskHistoryPage() {
  const { id } = useParams();
  const history = useTaskHistory(Number(id));
  return (
    <QueryState query={history}>
      {(data) => <HistoryView task={data.task} versions={data.versions} />}
    </QueryState>
  );
}

function HistoryView({ task, versions }: { task: RegisterTask; versions: TaskVersion[] }) {
  const { t } = useTranslation();
  const newestFirst = [...versions].reverse();
  return (
    <div className="page page--wide register-history">
      <p className="breadcrumb">
        <Link to="/register">{t('register.title')}</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/register/tasks/${task.id}`}>{task.code}</Link> <span aria-hidden="true">›</span>{' '}
        {t('register.history.crumb')}
      </p>
      <PageTitle title={t('register.history.title', { code: task.code })} />
      <p className="lead">{t('register.history.intro')}</p>
      {versions.length === 0 ? (
        <p className="empty-state">{t('register.history.none')}</p>
      ) : (
        <ol className="register-history__list" reversed>
          {newestFirst.map((version) => {
            const previous = versions.find((v) => v.versionNo === version.versionNo - 1);
            return <VersionItem key={version.versionNo} version={version} previous={previous} />;
          })}
        </ol>
      )}
    </div>
  );
}

function VersionItem({ version, previous }: { version: TaskVersion; previous?: TaskVersion }) {
  const { t } = useTranslation();
  const changes = previous ? diffVersions(previous.snapshot, version.snapshot) : [];
  const day = vietnamDay(version.validFrom);
  return (
    <li className="card register-history__version" data-version={version.versionNo}>
      <h2>
        {t('register.history.version', { no: version.versionNo })}:{' '}
        {t(`register.history.change.${version.change}`, { defaultValue: version.change })}
      </h2>
      <p className="muted">
        {version.validTo
          ? t('register.history.validBetween', {
              from: formatVietnamTime(version.validFrom),
              to: formatVietnamTime(version.validTo),
            })
          : t('register.history.validSince', { from: formatVietnamTime(version.validFrom) })}{' '}
        · {t('register.history.by', { actor: version.actorLabel })} ·{' '}
        <StateBadge state={version.snapshot.registerState} />
      </p>
      {previous ? (
        changes.length ? (
          <div className="table-scroll">
            <table className="data-table register-history__changes">
              <caption className="visually-hidden">
                {t('register.history.changesCaption', { no: version.versionNo })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('register.history.field')}</th>
                  <th scope="col">{t('register.history.before')}</th>
                  <th scope="col">{t('register.history.after')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((change) => (
                  <ChangeRow key={change.field} change={change} />
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('register.history.noFieldChanged')}</p>
        )
      ) : (
        <p>{t('register.history.first')}</p>
      )}
      <p>
        <Link to={`/register?at=${day}`}>
          {t('register.history.registerThatDay', { date: formatDate(day) })}
        </Link>
      </p>
    </li>
  );
}

function ChangeRow({ change }: { change: FieldChange }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">{t(`register.history.fields.${change.field}`)}</th>
      <td>
        <DiffText field={change.field} value={change.before} />
      </td>
      <td>
        <DiffText field={change.field} value={change.after} />
      </td>
    </tr>
  );
}

function DiffText({ field, value }: { field: FieldChange['field']; value: DiffValue }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const label = useAgencyLabel();
  const targets = useTargets({});
  const none = <span className="muted">—</span>;
  switch (value.kind) {
    case 'agencies':
      return value.value.length ? value.value.map(label).join('; ') : none;
    case 'list':
      return value.value.length
        ? value.value
            .map((id) => {
              const target = targets.data?.items.find((x) => x.id === id);
              return target ? `${target.code} ${pick(target.textVi, target.textEn)}` : `#${id}`;
            })
            .join('; ')
        : none;
    case 'date':
      return value.value ? formatDate(value.value) : none;
    case 'text': {
      if (value.value === null || value.value === '') return none;
      if (field === 'productType') return <>{t(`productType.${value.value}`)}</>;
      if (field === 'recurrence') return <>{t(`recurrence.${value.value}`)}</>;
      if (field === 'registerState') return <>{t(`register.state.${value.value}`)}</>;
      if (field === 'groupNo') return <>{t('group.short', { no: value.value })}</>;
      return <span lang="vi">{value.value}</span>;
    }
  }
}
