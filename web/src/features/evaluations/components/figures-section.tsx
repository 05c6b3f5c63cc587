import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../../../components/use-localized.ts';
import { useOverview } from '../../overview/api/get-overview.ts';
import type { Figures, TaskFigures } from '../api/get-evaluations.ts';
import { useEvalFormat } from './use-eval-format.ts';

type View = 'group' | 'ministry' | 'province';
type Role = 'lead' | 'partner';

interface Row {
  key: string;
  name: string;
  /** A group's title, shown under its number on wider screens (phones show the number only). */
  detail?: string;
  href?: string;
  /** Agency names are Vietnamese whatever the page's language. */
  vi?: boolean;
  figures: TaskFigures | undefined;
}

/**
 * The four counts and rates per task group, per ministry and per province, for the lead role or the
 * partner role (counted separately, as the issue asks); a total row per class of agency. Per group, a
 * task carried by several agencies counts once, in the worst state among them.
 */
export function FiguresSection({
  figures,
  agencyHrefOf,
}: {
  figures: Figures;
  agencyHrefOf: (agencyId: number) => string;
}) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const f = useEvalFormat();
  const id = useId();
  const [view, setView] = useState<View>('group');
  const [role, setRole] = useState<Role>('lead');
  const groups = useOverview().data?.groups ?? [];
  const titleOf = new Map(groups.map((g) => [g.no, pick(g.titleVi, g.titleEn)]));
  const roleOf = (x: { lead: TaskFigures; partner: TaskFigures }) => x[role];

  const rows: Row[] =
    view === 'group'
      ? (figures.groups ?? []).map((g) => ({
          key: `g${g.groupNo}`,
          name: t('evaluation.figures.group', { no: g.groupNo }),
          detail: titleOf.get(g.groupNo),
          figures: role === 'lead' ? g.tasks : g.partner,
        }))
      : figures.agencies
          .filter((a) => a.agencyClass === view)
          .map((a) => ({
            key: `a${a.agencyId}`,
            name: a.name,
            href: agencyHrefOf(a.agencyId),
            vi: true,
            figures: roleOf(a),
          }));
  const total = view === 'group' ? undefined : figures.classes?.find((c) => c.agencyClass === view);
  const caption = t('evaluation.figures.caption', {
    view: t(`evaluation.figures.view.${view}`),
    role: t(`evaluation.role.${role}`),
  });
  const cells = (x: TaskFigures | undefined) => (
    <>
      <td className="num">{x ? f.number(x.assignments) : '–'}</td>
      <td className="num">{x ? f.number(x.completedOnTime) : '–'}</td>
      <td className="num">{x ? f.number(x.completedLate) : '–'}</td>
      <td className="num">{x ? f.number(x.openWithinDeadline) : '–'}</td>
      <td className="num">{x ? f.number(x.openOverdue) : '–'}</td>
      <td className="num">{f.percent(x?.completionRate)}</td>
      <td className="num">{f.percent(x?.onTimeRate)}</td>
      <td className="num">{f.days(x?.averageLatenessWorkingDays)}</td>
    </>
  );
  return (
    <section className="section eval-figures-section" aria-labelledby={id}>
      <h2 id={id}>{t('evaluation.figures.title')}</h2>
      <p className="muted">{t('evaluation.figures.intro')}</p>
      <div className="filters eval-figures-filters">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-view`}>
            {t('evaluation.figures.viewLabel')}
          </label>
          <select id={`${id}-view`} value={view} onChange={(e) => setView(e.target.value as View)}>
            {(['group', 'ministry', 'province'] as const).map((v) => (
              <option key={v} value={v}>
                {t(`evaluation.figures.view.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            {t('evaluation.roleCol')}
          </label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {(['lead', 'partner'] as const).map((r) => (
              <option key={r} value={r}>
                {t(`evaluation.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="card empty-state">{t('evaluation.figures.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table eval-figures-table">
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`evaluation.figures.view.${view}`)}</th>
                <th scope="col" className="num">
                  {t('evaluation.figures.assignments')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.col.completedOnTime')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.col.completedLate')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.col.openWithinDeadline')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.col.openOverdue')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.col.completionRate')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.col.onTimeRate')}
                </th>
                <th scope="col" className="num">
                  {t('evaluation.col.lateness')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row" lang={r.vi ? 'vi' : undefined}>
                    {r.href ? <Link to={r.href}>{r.name}</Link> : r.name}
                    {r.detail && <span className="eval-group-title">{r.detail}</span>}
                  </th>
                  {cells(r.figures)}
                </tr>
              ))}
            </tbody>
            {total && (
              <tfoot>
                <tr>
                  <th scope="row">{t(`evaluation.figures.total.${view}`)}</th>
                  {cells(roleOf(total))}
                </tr>
              </tfoot>
            )}
          </table>
        </div>
      )}
    </section>
  );
}
