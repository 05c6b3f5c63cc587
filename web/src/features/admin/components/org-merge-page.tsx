import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { type OrgUnit, type UnitTarget, useMergeOrgs } from '../api/orgs.ts';
import { ORG_KINDS, PARENT_KINDS } from '../org-kinds.ts';
import '../admin.css';
import { LegalFields, type LegalInput, NewUnitFields, UnitName } from './org-change-fields.tsx';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Merge units (2025: 63 provinces into 34) into an existing unit or a new one, from a date and on a
 * legal basis. The merged units are closed, never deleted; their history is counted under the result.
 */
export function OrgMergePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const merge = useMergeOrgs();
  const first = useSearchParams()[0].get('source');
  const [sources, setSources] = useState<string[]>(first ? [first] : []);
  const [adding, setAdding] = useState<OrgUnit | null>(null);
  const [intoNew, setIntoNew] = useState(false);
  const [into, setInto] = useState('');
  const [created, setCreated] = useState<UnitTarget>({ code: '', nameVi: '' });
  const [legal, setLegal] = useState<LegalInput>({ effectiveDate: today(), legalBasis: '', note: '' });

  const add = () => {
    if (adding && !sources.includes(adding.code)) setSources([...sources, adding.code]);
    setAdding(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target: UnitTarget = intoNew
      ? {
          code: created.code.trim(),
          nameVi: created.nameVi?.trim(),
          ...(created.kind ? { kind: created.kind } : {}),
          ...(created.parentCode ? { parentCode: created.parentCode } : {}),
        }
      : { code: into };
    merge.mutate(
      {
        sources,
        into: target,
        effectiveDate: legal.effectiveDate,
        legalBasis: legal.legalBasis,
        note: legal.note.trim() || null,
      },
      {
        onSuccess: (r) =>
          void navigate(`/admin/orgs/${encodeURIComponent(r.unit.code)}`, { state: { done: 'merge' } }),
      },
    );
  };

  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/admin/orgs">{t('admin.orgs.title')}</Link>
      </p>
      <PageTitle title={t('admin.merge.title')} />
      <p className="lead">{t('admin.merge.intro')}</p>
      <form className="admin-form" onSubmit={submit}>
        <fieldset className="card section">
          <legend>{t('admin.merge.sources')}</legend>
          {sources.length === 0 ? (
            <p className="muted">{t('admin.merge.noSources')}</p>
          ) : (
            <ul className="chosen-units" data-testid="merge-sources">
              {sources.map((code) => (
                <li key={code}>
                  <span className="tag tag--code">{code}</span> <UnitName code={code} />{' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('admin.merge.removeLabel', { code })}
                    onClick={() => setSources(sources.filter((x) => x !== code))}
                  >
                    {t('admin.merge.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="admin-form__row">
            <OrgUnitSelect
              label={t('admin.merge.addSource')}
              value={adding?.code ?? ''}
              kinds={ORG_KINDS.filter((k) => k !== 'government')}
              emptyLabel={t('common.orgSelect.choose')}
              onChange={setAdding}
            />
            <button type="button" className="button button--secondary" disabled={!adding} onClick={add}>
              {t('admin.merge.add')}
            </button>
          </div>
        </fieldset>
        <fieldset className="card section">
          <legend>{t('admin.merge.into')}</legend>
          <div className="admin-form__choice" role="radiogroup" aria-label={t('admin.merge.into')}>
            <label>
              <input type="radio" name="into" checked={!intoNew} onChange={() => setIntoNew(false)} />{' '}
              {t('admin.merge.intoExisting')}
            </label>
            <label>
              <input type="radio" name="into" checked={intoNew} onChange={() => setIntoNew(true)} />{' '}
              {t('admin.merge.intoNew')}
            </label>
          </div>
          {intoNew ? (
            <NewUnitFields
              idPrefix="merge-new"
              value={created}
              onChange={setCreated}
              parentKinds={created.kind ? PARENT_KINDS[created.kind] : undefined}
            />
          ) : (
            <OrgUnitSelect
              label={t('admin.merge.intoUnit')}
              value={into}
              kinds={ORG_KINDS.filter((k) => k !== 'government')}
              required
              onChange={(u) => setInto(u?.code ?? '')}
            />
          )}
        </fieldset>
        <LegalFields idPrefix="merge" value={legal} onChange={setLegal} />
        <FormError error={merge.error} />
        <div className="auth-form__actions">
          <button type="submit" className="button" disabled={merge.isPending || sources.length === 0}>
            {t('admin.merge.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
