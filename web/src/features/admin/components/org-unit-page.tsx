import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { DateField } from '../../../components/date-field.tsx';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { type OrgUnitDetail, orgQuery, useMoveOrg, useRenameOrg } from '../api/orgs.ts';
import { PARENT_KINDS } from '../org-kinds.ts';
import '../admin.css';
import { LineageEvents } from './lineage-events.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const unitPath = (code: string) => `/admin/orgs/${encodeURIComponent(code)}`;

/**
 * One unit: its place in the tree, former names, and its lineage (the units whose history it carries
 * and those that carry it on, with the events), then what an administrator may change.
 */
export function OrgUnitPage() {
  const { t } = useTranslation();
  const code = useParams().code ?? '';
  const unit = useQuery(orgQuery(code));
  const done = (useLocation().state as { done?: string } | null)?.done;
  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/admin/orgs">{t('admin.orgs.title')}</Link>
      </p>
      <QueryState query={unit}>
        {(u) => (
          <>
            <UnitHeading unit={u} />
            {done && (
              <p className="notice notice--ok" role="status">
                {t(`admin.orgUnit.done.${done}`)}
              </p>
            )}
            <UnitFacts unit={u} />
            <Lineage unit={u} />
            {u.status === 'current' && <UnitChanges key={u.code} unit={u} />}
          </>
        )}
      </QueryState>
    </div>
  );
}

function UnitHeading({ unit }: { unit: OrgUnitDetail }) {
  const { pick } = useLocalized();
  return <PageTitle title={pick(unit.nameVi, unit.nameEn)} />;
}

function UnitFacts({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  return (
    <section className="card section" aria-labelledby="unit-facts">
      <h2 id="unit-facts">{t('admin.orgUnit.facts')}</h2>
      <dl className="facts">
        <dt>{t('admin.orgs.fields.code')}</dt>
        <dd>
          <span className="tag tag--code">{unit.code}</span>
        </dd>
        <dt>{t('admin.orgs.fields.kind')}</dt>
        <dd>{t(`admin.orgs.kinds.${unit.kind}`)}</dd>
        <dt>{t('admin.orgs.fields.parent')}</dt>
        <dd>
          {unit.parent ? (
            <Link to={unitPath(unit.parent.code)}>{pick(unit.parent.nameVi, unit.parent.nameEn)}</Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('admin.orgUnit.status')}</dt>
        <dd>
          {unit.status === 'closed' ? (
            <span className="badge badge--warn">
              {t('admin.orgUnit.closedOn', { date: formatDate(unit.validTo) })}
            </span>
          ) : (
            <span className="badge badge--ok">{t('admin.orgUnit.current')}</span>
          )}
        </dd>
        {unit.validFrom && (
          <>
            <dt>{t('admin.orgUnit.validFrom')}</dt>
            <dd>{formatDate(unit.validFrom)}</dd>
          </>
        )}
        {unit.nameEn && (
          <>
            <dt>{t('admin.orgUnit.nameEn')}</dt>
            <dd>{unit.nameEn}</dd>
          </>
        )}
        {unit.formerNames.length > 0 && (
          <>
            <dt>{t('admin.orgUnit.formerNames')}</dt>
            <dd>
              <ul className="former-names">
                {unit.formerNames.map((f) => (
                  <li key={f.name}>
                    {f.name}
                    {f.note && <span className="muted"> — {f.note}</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** Predecessors, successors and the events: what the old units did is counted under the new one. */
function Lineage({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const related = (list: OrgUnitDetail['predecessors'], label: string, testId: string) =>
    list.length > 0 && (
      <>
        <h3>{label}</h3>
        <ul className="lineage-list" data-testid={testId}>
          {list.map((p) => (
            <li key={p.code}>
              <span className="tag tag--code">{p.code}</span>{' '}
              <Link to={unitPath(p.code)}>{pick(p.nameVi, p.nameEn)}</Link>
              {p.validTo && (
                <span className="muted"> {t('admin.orgUnit.closedOn', { date: formatDate(p.validTo) })}</span>
              )}
              {p.depth > 1 && <span className="muted"> {t('admin.orgUnit.indirect')}</span>}
            </li>
          ))}
        </ul>
      </>
    );
  const nothing = !unit.predecessors.length && !unit.successors.length && !unit.events.length;
  return (
    <section className="card section" aria-labelledby="unit-lineage">
      <h2 id="unit-lineage">{t('admin.orgUnit.lineage')}</h2>
      {nothing ? (
        <p className="muted">{t('admin.orgUnit.noLineage')}</p>
      ) : (
        <>
          {unit.predecessors.length > 0 && <p>{t('admin.orgUnit.carriesHistory')}</p>}
          {related(unit.predecessors, t('admin.orgUnit.predecessors'), 'predecessors')}
          {related(unit.successors, t('admin.orgUnit.successors'), 'successors')}
          {unit.events.length > 0 && (
            <>
              <h3>{t('admin.orgUnit.events')}</h3>
              <LineageEvents events={unit.events} />
            </>
          )}
        </>
      )}
    </section>
  );
}

/** Rename, move, and the way to merge or split: for an open unit, for those who administer it. */
function UnitChanges({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const rename = useRenameOrg();
  const move = useMoveOrg();
  const [name, setName] = useState(unit.nameVi);
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [legalBasis, setLegalBasis] = useState('');
  const [parentCode, setParentCode] = useState(unit.parentCode ?? '');
  const movable = unit.kind !== 'government';
  // Central bodies and provinces can only sit under the Government: nowhere else to move them.
  const parentKinds = PARENT_KINDS[unit.kind] ?? [];
  const canMove = movable && !(parentKinds.length === 1 && parentKinds[0] === 'government');
  return (
    <section className="card section" aria-labelledby="unit-changes">
      <h2 id="unit-changes">{t('admin.orgUnit.changes')}</h2>
      {movable && (
        <ul className="admin-actions">
          <li>
            <Link to={`/admin/orgs/merge?source=${encodeURIComponent(unit.code)}`}>
              {t('admin.orgUnit.mergeThis')}
            </Link>
          </li>
          <li>
            <Link to={`/admin/orgs/split?source=${encodeURIComponent(unit.code)}`}>
              {t('admin.orgUnit.splitThis')}
            </Link>
          </li>
        </ul>
      )}
      <form
        className="auth-form admin-form"
        aria-labelledby="unit-rename"
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate({
            code: unit.code,
            nameVi: name,
            effectiveDate,
            legalBasis: legalBasis.trim() || null,
          });
        }}
      >
        <h3 id="unit-rename">{t('admin.orgs.rename')}</h3>
        <div className="field">
          <label className="field__label" htmlFor="rename-name">
            {t('admin.orgUnit.newName')}
          </label>
          <input id="rename-name" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div className="field">
          <DateField
            label={t('admin.orgs.effectiveDate')}
            value={effectiveDate}
            onChange={setEffectiveDate}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="rename-basis">
            {t('admin.orgs.legalBasis')}
          </label>
          <input id="rename-basis" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
        </div>
        <FormError error={rename.error} />
        <div role="status">
          {rename.isSuccess && <p className="notice notice--ok">{t('admin.orgUnit.renamed')}</p>}
        </div>
        <div className="auth-form__actions">
          <button type="submit" className="button" disabled={rename.isPending}>
            {t('admin.orgs.save')}
          </button>
        </div>
      </form>
      {canMove && (
        <form
          className="auth-form admin-form"
          aria-labelledby="unit-move"
          onSubmit={(e) => {
            e.preventDefault();
            move.mutate({ code: unit.code, parentCode });
          }}
        >
          <h3 id="unit-move">{t('admin.orgUnit.move')}</h3>
          <p className="field__hint">{t('admin.orgUnit.moveHint')}</p>
          <OrgUnitSelect
            label={t('admin.orgUnit.newParent')}
            value={parentCode}
            kinds={parentKinds}
            required
            onChange={(u) => setParentCode(u?.code ?? '')}
          />
          <FormError error={move.error} />
          <div role="status">
            {move.isSuccess && <p className="notice notice--ok">{t('admin.orgUnit.moved')}</p>}
          </div>
          <div className="auth-form__actions">
            <button type="submit" className="button" disabled={move.isPending}>
              {t('admin.orgUnit.moveSubmit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
