import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { formatDate } from '../../../lib/format.ts';
import {
  type CalendarDayKind,
  type CalendarYear,
  useAddCalendarDay,
  useCalendarYear,
  useRemoveCalendarDay,
} from '../api/calendar.ts';
import '../calendar.css';

const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/**
 * The working-day calendar of a year (system administrator): the weekdays not worked (public holidays
 * from the Labour Code, official days off) and the Saturdays worked instead; the administrator adds the
 * days the Ministry of Home Affairs announces for a new year.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const calendar = useCalendarYear(year);
  return (
    <div className="page page--wide calendar-admin">
      <p className="breadcrumb">
        <Link to="/admin">{t('admin.title')}</Link>
      </p>
      <PageTitle title={t('calendar.title', { year })} />
      <p className="lead">{t('calendar.intro')}</p>
      <nav className="calendar-years" aria-label={t('calendar.yearsLabel')}>
        <Link to={`?year=${year - 1}`}>← {year - 1}</Link>
        <strong aria-current="page">{year}</strong>
        <Link to={`?year=${year + 1}`}>{year + 1} →</Link>
      </nav>
      <AddDayForm year={year} />
      <QueryState query={calendar}>{(data) => <YearTables data={data} />}</QueryState>
    </div>
  );
}

function YearTables({ data }: { data: CalendarYear }) {
  const { t } = useTranslation();
  const remove = useRemoveCalendarDay();
  const entry = new Map(data.exceptions.map((e) => [e.date, e]));
  const makeUp = data.exceptions.filter((e) => e.kind === 'working_day');
  const removeButton = (date: string) => (
    <button
      type="button"
      className="link-button"
      disabled={remove.isPending}
      aria-label={t('calendar.removeLabel', { date: formatDate(date) })}
      onClick={() => remove.mutate(date)}
    >
      {t('calendar.remove')}
    </button>
  );
  return (
    <>
      <FormError error={remove.error} />
      <section className="section" aria-labelledby="calendar-off">
        <h2 id="calendar-off">{t('calendar.weekdaysOff', { count: data.weekdaysOff.length })}</h2>
        <table className="data-table calendar-table">
          <thead>
            <tr>
              <th scope="col">{t('calendar.date')}</th>
              <th scope="col">{t('calendar.why')}</th>
              <th scope="col">{t('calendar.source')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('calendar.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.weekdaysOff.map((d) => {
              const official = entry.get(d.date);
              return (
                <tr key={d.date} data-testid={`off-${d.date}`}>
                  <th scope="row">
                    {t(`calendar.weekday.${weekdayOf(d.date)}`)} {formatDate(d.date)}
                  </th>
                  <td>
                    <span className={`badge calendar-kind calendar-kind--${d.reason}`}>
                      {t(`calendar.reason.${d.reason}`)}
                    </span>{' '}
                    {d.note}
                  </td>
                  <td>{official?.source ?? (official ? '' : t('calendar.labourCode'))}</td>
                  <td>{official && removeButton(d.date)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="section" aria-labelledby="calendar-makeup">
        <h2 id="calendar-makeup">{t('calendar.makeUpDays', { count: makeUp.length })}</h2>
        {makeUp.length === 0 ? (
          <p className="muted">{t('calendar.noMakeUp')}</p>
        ) : (
          <table className="data-table calendar-table">
            <thead>
              <tr>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.why')}</th>
                <th scope="col">{t('calendar.source')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('calendar.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {makeUp.map((d) => (
                <tr key={d.date} data-testid={`makeup-${d.date}`}>
                  <th scope="row">
                    {t(`calendar.weekday.${weekdayOf(d.date)}`)} {formatDate(d.date)}
                  </th>
                  <td>{d.reason}</td>
                  <td>{d.source}</td>
                  <td>{removeButton(d.date)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

function AddDayForm({ year }: { year: number }) {
  const { t } = useTranslation();
  const id = useId();
  const add = useAddCalendarDay();
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<CalendarDayKind>('day_off');
  const [reason, setReason] = useState('');
  const [source, setSource] = useState('');
  return (
    <details className="card section calendar-add" open>
      <summary>{t('calendar.add.title', { year })}</summary>
      <p className="field__hint">{t('calendar.add.hint')}</p>
      <form
        className="calendar-add__form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(
            { date, kind, reason, source: source.trim() || null },
            {
              onSuccess: () => {
                setDate('');
                setReason('');
              },
            },
          );
        }}
      >
        <div className="field">
          <DateField label={t('calendar.add.date')} value={date} onChange={setDate} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-kind`}>
            {t('calendar.add.kind')}
          </label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as CalendarDayKind)}>
            <option value="day_off">{t('calendar.kind.day_off')}</option>
            <option value="working_day">{t('calendar.kind.working_day')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-reason`}>
            {t('calendar.add.reason')}
          </label>
          <input
            id={`${id}-reason`}
            required
            maxLength={300}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-source`}>
            {t('calendar.add.source')}
          </label>
          <input
            id={`${id}-source`}
            maxLength={300}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
        </div>
        <FormError error={add.error} />
        <div role="status">
          {add.isSuccess && (
            <p className="notice notice--ok">
              {t('calendar.add.done', {
                date: formatDate(add.variables?.date),
                kind: t(`calendar.kind.${add.variables?.kind ?? 'day_off'}`),
              })}
            </p>
          )}
        </div>
        <div>
          <button type="submit" className="button" disabled={add.isPending || !date || !reason.trim()}>
            {t('calendar.add.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
