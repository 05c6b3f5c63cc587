import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useNumberFormat } from '../../../components/use-number.ts';
import { taskListHref } from '../../tasks/task-search.ts';
import { type ProgramText, useProgram } from '../api/get-program.ts';
import { useGroupTitle } from './group-title.ts';

export function ProgramPage() {
  const program = useProgram();
  return <QueryState query={program}>{(data) => <ProgramView text={data} />}</QueryState>;
}

function ProgramView({ text }: { text: ProgramText }) {
  const { t } = useTranslation();
  const number = useNumberFormat();
  const groupTitle = useGroupTitle();
  return (
    <div className="page">
      <PageTitle title={t('program.title')} />
      <p className="lead">{t('program.intro', { documentNo: text.program.documentNo })}</p>
      <nav aria-label={t('program.toc')} className="card toc">
        <h2 className="toc__title">{t('program.toc')}</h2>
        <ol>
          {text.groups.map((group) => (
            <li key={group.no}>
              <a href={`#group-${group.no}`}>{groupTitle(group)}</a>
            </li>
          ))}
        </ol>
      </nav>
      {text.groups.map((group) => (
        <section
          key={group.no}
          id={`group-${group.no}`}
          className="section program-group"
          aria-labelledby={`group-${group.no}-title`}
        >
          <h2 id={`group-${group.no}-title`}>
            <span className="program-group__no">{group.no}.</span> <span lang="vi">{group.titleVi}</span>
          </h2>
          {group.titleEn && groupTitle(group) !== group.titleVi && (
            <p className="program-group__en" lang="en">
              {group.titleEn}
            </p>
          )}
          <p className="muted">
            {t('program.groupMeta', { count: group.items.length, n: number(group.items.length) })}{' '}
            <Link to={taskListHref({ group: String(group.no) })}>{t('program.groupTasks')}</Link>
            {group.titleSource && <> · {t('program.textSource', { source: group.titleSource })}</>}
          </p>
          <ol className="program-items">
            {group.items.map((item) => (
              <li key={item.code} className="program-item">
                <span className="program-item__code">{item.code.split('.').pop()})</span>
                <p lang="vi">{item.textVi}</p>
                {item.textSource && item.textSource !== group.titleSource && (
                  <p className="muted program-item__source">
                    {t('program.textSource', { source: item.textSource })}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
