import { type FormEvent, type Ref, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/form-error.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useLocalized } from '../../../components/use-localized.ts';
import { formatDate } from '../../../lib/format.ts';
import { useCan } from '../../auth/api/get-me.ts';
import { type MethodDetail, WEIGHT_CRITERIA, type WeightCriterion } from '../api/get-evaluations.ts';
import {
  MAX_PENALTY_TOTAL,
  type NewMethodVersion,
  type RuleProblem,
  ruleProblems,
  useCreateMethodVersion,
  useMethods,
} from '../api/methods.ts';
import { HowComputedLink } from './how-computed-link.tsx';
import { useEvalFormat } from './use-eval-format.ts';

/**
 * Scoring methods: every version, never edited; the coordinator changes weights by creating a new
 * version, starting from an existing one, with the documented rules checked as they type.
 */
export function DeskMethodsPage() {
  const { t } = useTranslation();
  const methods = useMethods();
  const canManage = useCan('evaluation.methods.manage');
  const [base, setBase] = useState<MethodDetail | null>(null);
  const formRef = useRef<HTMLElement>(null);
  return (
    <div className="page page--wide">
      <PageTitle title={t('evaluationDesk.methods.title')} />
      <p className="lead">{t('evaluationDesk.methods.intro')}</p>
      <QueryState query={methods}>
        {(data) => {
          const versions = [...data.items].sort(
            (a, b) => a.code.localeCompare(b.code) || b.version - a.version,
          );
          const start = base ?? versions.find((m) => m.code === 'default') ?? versions[0] ?? null;
          return (
            <>
              <MethodList
                versions={versions}
                onStartFrom={
                  canManage
                    ? (m) => {
                        setBase(m);
                        formRef.current?.scrollIntoView({ block: 'start' });
                        formRef.current?.querySelector<HTMLElement>('input')?.focus();
                      }
                    : undefined
                }
              />
              {canManage && (
                <NewVersionForm
                  key={base?.id ?? 'latest-default'}
                  ref={formRef}
                  base={start}
                  codes={[...new Set(versions.map((m) => m.code))]}
                  latestOf={(code) =>
                    versions.filter((m) => m.code === code).reduce((n, m) => Math.max(n, m.version), 0)
                  }
                />
              )}
            </>
          );
        }}
      </QueryState>
    </div>
  );
}

function MethodList({
  versions,
  onStartFrom,
}: {
  versions: MethodDetail[];
  onStartFrom?: (m: MethodDetail) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const f = useEvalFormat();
  const id = useId();
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>
        {t('evaluationDesk.methods.versions')} <span className="count">({f.number(versions.length)})</span>
      </h2>
      <ul className="eval-method-list">
        {versions.map((m) => (
          <li key={m.id} className="card eval-method-card">
            <h3>
              {t('evaluation.methodUsed', { name: pick(m.nameVi, m.nameEn), version: m.version })}{' '}
              <span className="tag tag--code">{m.code}</span>
            </h3>
            <p className="muted">
              {t('evaluationDesk.methods.createdBy', { date: formatDate(m.createdAt), by: m.createdBy })}
            </p>
            {m.note && (
              <p lang="vi">
                {t('evaluation.methodNote')} {m.note}
              </p>
            )}
            <dl className="eval-card__facts eval-method-card__weights">
              {WEIGHT_CRITERIA.map((c) => (
                <Fact key={c} term={t(`evaluation.criteria.${c}`)} value={f.number(m.weights[c])} />
              ))}
              <Fact term={t('evaluation.criteria.overdue')} value={`−${f.number(m.penalties.overdue)}`} />
              <Fact term={t('evaluationDesk.methods.partnerShare')} value={f.number(m.partnerShare)} />
            </dl>
            <p className="eval-actions">
              <HowComputedLink
                to={`/evaluations/methods/${m.id}`}
                context={t('evaluation.methodUsed', { name: pick(m.nameVi, m.nameEn), version: m.version })}
              />
              {onStartFrom && (
                <button type="button" className="button button--secondary" onClick={() => onStartFrom(m)}>
                  {t('evaluationDesk.methods.startFrom', { version: m.version })}
                </button>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

const SHARES = Array.from({ length: 21 }, (_, i) => i / 20);

/** A whole number as typed, or NaN for anything else (the rules then say which field is wrong). */
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

function NewVersionForm({
  ref,
  base,
  codes,
  latestOf,
}: {
  ref: Ref<HTMLElement>;
  base: MethodDetail | null;
  codes: string[];
  latestOf: (code: string) => number;
}) {
  const { t } = useTranslation();
  const f = useEvalFormat();
  const id = useId();
  const create = useCreateMethodVersion();
  const problemsRef = useRef<HTMLDivElement>(null);
  const [code, setCode] = useState(base?.code ?? 'default');
  const [newCode, setNewCode] = useState('');
  const [nameVi, setNameVi] = useState(base?.nameVi ?? '');
  const [nameEn, setNameEn] = useState(base?.nameEn ?? '');
  const [note, setNote] = useState('');
  const [weights, setWeights] = useState<Record<WeightCriterion, string>>(
    () =>
      Object.fromEntries(WEIGHT_CRITERIA.map((c) => [c, String(base?.weights[c] ?? 0)])) as Record<
        WeightCriterion,
        string
      >,
  );
  const [penalty, setPenalty] = useState(String(base?.penalties.overdue ?? 0));
  const [share, setShare] = useState(base?.partnerShare ?? 0.5);
  const [tried, setTried] = useState(false);

  const chosenCode = code === '' ? newCode.trim() : code;
  const rules = {
    weights: Object.fromEntries(WEIGHT_CRITERIA.map((c) => [c, whole(weights[c])])) as Record<
      WeightCriterion,
      number
    >,
    penalties: { overdue: whole(penalty) },
    partnerShare: share,
  };
  const { problems, sum } = ruleProblems(rules);
  const codeProblem = !/^[a-z0-9_-]{1,40}$/.test(chosenCode);
  const nameProblem = nameVi.trim() === '';
  const nextVersion = codeProblem ? 1 : latestOf(chosenCode) + 1;
  const problemText = (p: RuleProblem) =>
    p.kind === 'weight'
      ? t('evaluationDesk.methods.problem.weight', { criterion: t(`evaluation.criteria.${p.criterion}`) })
      : p.kind === 'sum'
        ? t('evaluationDesk.methods.problem.sum', { sum: f.number(p.sum) })
        : p.kind === 'penalty'
          ? t('evaluationDesk.methods.problem.penalty', { max: MAX_PENALTY_TOTAL })
          : t('evaluationDesk.methods.problem.share');
  const messages = [
    ...problems.map(problemText),
    ...(codeProblem ? [t('evaluationDesk.methods.problem.code')] : []),
    ...(nameProblem ? [t('evaluationDesk.methods.problem.name')] : []),
  ];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (messages.length) {
      problemsRef.current?.focus();
      return;
    }
    const body: NewMethodVersion = {
      code: chosenCode,
      nameVi: nameVi.trim(),
      nameEn: nameEn.trim() || null,
      note: note.trim() || null,
      ...rules,
    };
    create.mutate(body, { onSuccess: () => setTried(false) });
  };

  return (
    <section className="section card eval-new-method" ref={ref} aria-labelledby={id}>
      <h2 id={id}>{t('evaluationDesk.methods.newTitle')}</h2>
      <p className="muted">
        {base
          ? t('evaluationDesk.methods.startedFrom', { version: base.version, code: base.code })
          : t('evaluationDesk.methods.newIntro')}{' '}
        {t('evaluationDesk.methods.neverEdited')}
      </p>
      <form onSubmit={submit} noValidate>
        <div className="eval-form-grid">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-code`}>
              {t('evaluationDesk.methods.code')}
            </label>
            <select id={`${id}-code`} value={code} onChange={(e) => setCode(e.target.value)}>
              {codes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
              <option value="">{t('evaluationDesk.methods.newCode')}</option>
            </select>
          </div>
          {code === '' && (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-new-code`}>
                {t('evaluationDesk.methods.newCodeLabel')}
              </label>
              <input id={`${id}-new-code`} value={newCode} onChange={(e) => setNewCode(e.target.value)} />
              <p className="field__hint">{t('evaluationDesk.methods.codeHint')}</p>
            </div>
          )}
          <div className="field">
            <label className="field__label" htmlFor={`${id}-name-vi`}>
              {t('evaluationDesk.methods.nameVi')}
            </label>
            <input id={`${id}-name-vi`} value={nameVi} onChange={(e) => setNameVi(e.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-name-en`}>
              {t('evaluationDesk.methods.nameEn')}
            </label>
            <input id={`${id}-name-en`} value={nameEn} onChange={(e) => setNameEn(e.target.value)} />
          </div>
        </div>
        <fieldset className="eval-weights-fields">
          <legend>{t('evaluationDesk.methods.weightsLegend')}</legend>
          {WEIGHT_CRITERIA.map((c) => (
            <div className="field eval-weight-field" key={c}>
              <label className="field__label" htmlFor={`${id}-w-${c}`}>
                {t(`evaluation.criteria.${c}`)}
              </label>
              <input
                id={`${id}-w-${c}`}
                inputMode="numeric"
                value={weights[c]}
                onChange={(e) => setWeights({ ...weights, [c]: e.target.value })}
                aria-invalid={problems.some((p) => p.kind === 'weight' && p.criterion === c) || undefined}
              />
            </div>
          ))}
          <p className={`eval-weight-sum ${sum === 100 ? 'eval-weight-sum--ok' : ''}`} aria-live="polite">
            {t('evaluationDesk.methods.sum', { sum: f.number(sum) })}
          </p>
        </fieldset>
        <div className="eval-form-grid">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-penalty`}>
              {t('evaluationDesk.methods.penalty')}
            </label>
            <input
              id={`${id}-penalty`}
              inputMode="numeric"
              value={penalty}
              onChange={(e) => setPenalty(e.target.value)}
              aria-invalid={problems.some((p) => p.kind === 'penalty') || undefined}
            />
            <p className="field__hint">
              {t('evaluationDesk.methods.penaltyHint', { max: MAX_PENALTY_TOTAL })}
            </p>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-share`}>
              {t('evaluationDesk.methods.partnerShare')}
            </label>
            <select id={`${id}-share`} value={share} onChange={(e) => setShare(Number(e.target.value))}>
              {SHARES.map((s) => (
                <option key={s} value={s}>
                  {f.number(s)}
                </option>
              ))}
            </select>
            <p className="field__hint">{t('evaluationDesk.methods.partnerShareHint')}</p>
          </div>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-note`}>
            {t('evaluationDesk.methods.note')}
          </label>
          <textarea
            id={`${id}-note`}
            className="eval-textarea"
            rows={3}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div
          ref={problemsRef}
          tabIndex={-1}
          className={messages.length ? 'eval-rule-problems' : 'eval-rule-problems eval-rule-problems--ok'}
          role={tried && messages.length ? 'alert' : 'status'}
        >
          {messages.length === 0 ? (
            <p>{t('evaluationDesk.methods.valid', { version: nextVersion })}</p>
          ) : (
            <>
              <p>{tried ? t('evaluationDesk.methods.refused') : t('evaluationDesk.methods.notYet')}</p>
              <ul>
                {messages.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <FormError error={create.error} />
        <div role="status">
          {create.isSuccess && (
            <p className="notice notice--ok">
              {t('evaluationDesk.methods.created', { code: create.data.code, version: create.data.version })}{' '}
              <HowComputedLink to={`/evaluations/methods/${create.data.id}`} />
            </p>
          )}
        </div>
        <button type="submit" className="button" disabled={create.isPending}>
          {t('evaluationDesk.methods.create', { version: nextVersion })}
        </button>
      </form>
    </section>
  );
}
