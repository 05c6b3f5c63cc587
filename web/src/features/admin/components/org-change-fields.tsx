import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { OrgUnitSelect } from '../../../components/org-unit-select.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { orgQuery, type UnitTarget } from '../api/orgs.ts';
import { ORG_KINDS } from '../org-kinds.ts';

export interface LegalInput {
  effectiveDate: string;
  legalBasis: string;
  note: string;
}

/** When a merge or split takes effect and the decision behind it (required: the history cites it). */
export function LegalFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: LegalInput;
  onChange: (v: LegalInput) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="card section">
      <legend>{t('admin.merge.legal')}</legend>
      <div className="field">
        <DateField
          label={t('admin.orgs.effectiveDate')}
          value={value.effectiveDate}
          onChange={(effectiveDate) => onChange({ ...value, effectiveDate })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-basis`}>
          {t('admin.orgs.legalBasis')}
        </label>
        <input
          id={`${idPrefix}-basis`}
          required
          value={value.legalBasis}
          placeholder={t('admin.merge.legalBasisExample')}
          onChange={(e) => onChange({ ...value, legalBasis: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-note`}>
          {t('admin.merge.note')}
        </label>
        <textarea
          id={`${idPrefix}-note`}
          rows={2}
          value={value.note}
          onChange={(e) => onChange({ ...value, note: e.target.value })}
        />
      </div>
    </fieldset>
  );
}

/**
 * A unit a merge or split creates: code and name, and optionally its kind and parent (left empty, they
 * are those of the unit merged or split).
 */
export function NewUnitFields({
  idPrefix,
  value,
  onChange,
  parentKinds,
  legend,
}: {
  idPrefix: string;
  value: UnitTarget;
  onChange: (v: UnitTarget) => void;
  parentKinds?: readonly string[];
  legend?: string;
}) {
  const { t } = useTranslation();
  const fields = (
    <>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-code`}>
          {t('admin.orgs.fields.code')}
        </label>
        <input
          id={`${idPrefix}-code`}
          required
          value={value.code}
          onChange={(e) => onChange({ ...value, code: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-name`}>
          {t('admin.orgs.fields.nameVi')}
        </label>
        <input
          id={`${idPrefix}-name`}
          required
          value={value.nameVi ?? ''}
          onChange={(e) => onChange({ ...value, nameVi: e.target.value })}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${idPrefix}-kind`}>
          {t('admin.orgs.fields.kind')}
        </label>
        <select
          id={`${idPrefix}-kind`}
          value={value.kind ?? ''}
          onChange={(e) => onChange({ ...value, kind: e.target.value || undefined, parentCode: undefined })}
        >
          <option value="">{t('admin.merge.sameKind')}</option>
          {ORG_KINDS.filter((k) => k !== 'government').map((k) => (
            <option key={k} value={k}>
              {t(`admin.orgs.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <OrgUnitSelect
        label={t('admin.orgs.fields.parent')}
        value={value.parentCode ?? ''}
        kinds={parentKinds}
        emptyLabel={t('admin.merge.sameParent')}
        onChange={(u) => onChange({ ...value, parentCode: u?.code })}
      />
    </>
  );
  if (!legend) return <div className="new-unit">{fields}</div>;
  return (
    <fieldset className="new-unit">
      <legend>{legend}</legend>
      {fields}
    </fieldset>
  );
}

/** A unit's name from its code, for units chosen elsewhere (a link's ?source=). */
export function UnitName({ code }: { code: string }) {
  const { pick } = useLocalized();
  const unit = useQuery(orgQuery(code)).data;
  return <>{unit ? pick(unit.nameVi, unit.nameEn) : ''}</>;
}
