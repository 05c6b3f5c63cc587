import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormError } from '../../../components/form-error.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { orgQuery, orgUnitsQuery, type UnitTarget, useSplitOrg } from '../api/orgs.ts';
import { ORG_KINDS, PARENT_KINDS } from '../org-kinds.ts';
import '../admin.css';
import { LegalFields, type LegalInput, NewUnitFields } from './org-change-fields.tsx';

const today = () => new Date().toISOString().slice(0, 10);
const blank = (): UnitTarget => ({ code: '', nameVi: '' });

/**
 * Split a unit into two or more new ones: the unit is closed, the new units carry its history, and
 * each of its open sub-units is given to one of them (none is left without a parent).
 */
export function OrgSplitPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const navigate = useNavigate();
  const split = useSplitOrg();
  const [source, setSource] = useState(useSearchParams()[0].get('source') ?? '');
  const unit = useQuery({ ...orgQuery(source), enabled: source !== '' });
  // The open sub-units directly under the unit: each needs one of the new units as its parent.
  const children = useQuery({
    ...orgUnitsQuery({ root: source }),
    enabled: source !== '',
    select: (d) => d.items.filter((u) => u.parentCode === source),
  });
  const [parts, setParts] = useState<UnitTarget[]>([blank(), blank()]);
  const [childrenTo, setChildrenTo] = useState<Record<string, string>>({});
  const [legal, setLegal] = useState<LegalInput>({ effectiveDate: today(), legalBasis: '', note: '' });
  const codes = parts.map((p) => p.code.trim()).filter(Boolean);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    split.mutate(
      {
        source,
        into: parts.map((p) => ({
          code: p.code.trim(),
          nameVi: p.nameVi?.trim(),
          ...(p.kind ? { kind: p.kind } : {}),
          ...(p.parentCode ? { parentCode: p.parentCode } : {}),
        })),
        effectiveDate: legal.effectiveDate,
        legalBasis: legal.legalBasis,
        note: legal.note.trim() || null,
        childrenTo,
      },
      {
        onSuccess: () =>
          void navigate(`/admin/orgs/${encodeURIComponent(source)}`, { state: { done: 'split' } }),
      },
    );
  };

  return (
    <div className="page page--wide">
      <p className="breadcrumb">
        <Link to="/admin/orgs">{t('admin.orgs.title')}</Link>
      </p>
      <PageTitle title={t('admin.split.title')} />
      <p className="lead">{t('admin.split.intro')}</p>
      <form className="admin-form" onSubmit={submit}>
        <fieldset className="card section">
          <legend>{t('admin.split.source')}</legend>
          <OrgUnitSelect
            label={t('admin.split.sourceUnit')}
            value={source}
            kinds={ORG_KINDS.filter((k) => k !== 'government')}
            required
            onChange={(u) => {
              setSource(u?.code ?? '');
              setChildrenTo({});
            }}
          />
          {unit.data && (
            <p className="muted">
              {t('admin.split.sourceFacts', {
                kind: t(`admin.orgs.kinds.${unit.data.kind}`),
                parent: unit.data.parent ? pick(unit.data.parent.nameVi, unit.data.parent.nameEn) : '—',
              })}
            </p>
          )}
        </fieldset>
        <fieldset className="card section">
          <legend>{t('admin.split.into')}</legend>
          <p className="field__hint">{t('admin.split.intoHint')}</p>
          <ol className="split-parts">
            {parts.map((part, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, never reordered
              <li key={i}>
                <NewUnitFields
                  idPrefix={`split-${i}`}
                  legend={t('admin.split.part', { n: i + 1 })}
                  value={part}
                  parentKinds={PARENT_KINDS[part.kind ?? unit.data?.kind ?? 'other']}
                  onChange={(v) => setParts(parts.map((p, j) => (j === i ? v : p)))}
                />
                {parts.length > 2 && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setParts(parts.filter((_, j) => j !== i))}
                  >
                    {t('admin.split.removePart', { n: i + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setParts([...parts, blank()])}
          >
            {t('admin.split.addPart')}
          </button>
        </fieldset>
        {(children.data?.length ?? 0) > 0 && (
          <fieldset className="card section">
            <legend>{t('admin.split.children')}</legend>
            <p className="field__hint">{t('admin.split.childrenHint')}</p>
            {children.data?.map((c) => (
              <div className="field" key={c.code}>
                <label className="field__label" htmlFor={`child-${c.code}`}>
                  {c.code} — {pick(c.nameVi, c.nameEn)}
                </label>
                <select
                  id={`child-${c.code}`}
                  required
                  value={childrenTo[c.code] ?? ''}
                  onChange={(e) => setChildrenTo({ ...childrenTo, [c.code]: e.target.value })}
                >
                  <option value="">{t('admin.split.chooseNewParent')}</option>
                  {codes.map((code) => (
                    <option key={code} value={code}>
                      {code}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
        )}
        <LegalFields idPrefix="split" value={legal} onChange={setLegal} />
        <FormError error={split.error} />
        <div className="auth-form__actions">
          <button type="submit" className="button" disabled={split.isPending || !source}>
            {t('admin.split.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
