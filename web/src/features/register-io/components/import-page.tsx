import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../../components/page-title.tsx';
import {
  type ColumnMapping,
  commitImport,
  declaredFormat,
  type FileColumns,
  type ImportPreview,
  type ImportResult,
  MAX_IMPORT_BYTES,
  previewImport,
  readColumns,
} from '../api/register-import.ts';
import { ColumnMappingStep } from './column-mapping.tsx';
import { ExportPanel } from './export-panel.tsx';
import { ImportPreviewStep } from './import-preview.tsx';
import { fileErrorText } from './issue-text.ts';
import '../register-io.css';

type Step =
  | { name: 'file' }
  | { name: 'mapping'; file: File; columns: FileColumns; mapping: ColumnMapping }
  | { name: 'preview'; file: File; columns: FileColumns; mapping: ColumnMapping; preview: ImportPreview }
  | { name: 'done'; fileName: string; result: ImportResult };

const STEPS = ['file', 'mapping', 'preview', 'done'] as const;

const mappingOf = (columns: FileColumns): ColumnMapping =>
  Object.fromEntries(columns.mapping.map((m) => [m.field, m.column]));

/**
 * The import wizard (coordinator): choose an .xlsx or .csv in the appendix's shape, map its columns to
 * the register's, preview every row's problems, then import all rows or none. Export links sit below.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const [step, setStep] = useState<Step>({ name: 'file' });
  const [error, setError] = useState<string | null>(null);

  const columns = useMutation({
    mutationFn: ({ file, headerRow }: { file: File; headerRow?: number }) => readColumns(file, headerRow),
  });
  const preview = useMutation({ mutationFn: previewImport });
  const commit = useMutation({ mutationFn: commitImport });
  const busy = columns.isPending || preview.isPending || commit.isPending;

  /** Checks what can be checked here, so a 60 MB file or a .pdf is refused before it is sent. */
  const refusedHere = (file: File): string | null => {
    if (file.size > MAX_IMPORT_BYTES)
      return t('registerIo.fileProblems.too_large', {
        megabytes: (file.size / 1024 / 1024).toFixed(1),
        limit: 50,
      });
    if (file.name.toLowerCase().endsWith('.xls')) return t('registerIo.fileProblems.xls');
    if (!declaredFormat(file)) return t('registerIo.fileProblems.wrongType', { name: file.name });
    return null;
  };

  const chooseFile = (file: File) => {
    setError(null);
    const refused = refusedHere(file);
    if (refused) return setError(refused);
    columns.mutate(
      { file },
      {
        onSuccess: (found) => setStep({ name: 'mapping', file, columns: found, mapping: mappingOf(found) }),
        onError: (e) => setError(fileErrorText(t, e, file.size)),
      },
    );
  };

  const runPreview = (file: File, found: FileColumns, mapping: ColumnMapping) => {
    setError(null);
    const refused = refusedHere(file);
    if (refused) return setError(refused);
    preview.mutate(
      { file, headerRow: found.headerRow, mapping },
      {
        onSuccess: (p) => setStep({ name: 'preview', file, columns: found, mapping, preview: p }),
        onError: (e) => setError(fileErrorText(t, e, file.size)),
      },
    );
  };

  const current = STEPS.indexOf(step.name);
  return (
    <div className="page page--wide register-io">
      <PageTitle title={t('registerIo.title')} />
      <p className="lead">{t('registerIo.intro')}</p>
      <ol className="register-io-steps" aria-label={t('registerIo.stepsLabel')}>
        {STEPS.map((name, i) => (
          <li
            key={name}
            aria-current={i === current ? 'step' : undefined}
            data-done={i < current || undefined}
          >
            {t(`registerIo.steps.${name}`)}
          </li>
        ))}
      </ol>
      <div role="alert" className="register-io-alert">
        {error && <p className="form-error">{error}</p>}
      </div>
      {busy && (
        <p className="loading" role="status">
          {t('registerIo.working')}
        </p>
      )}

      {step.name === 'file' && (
        <section className="card section" aria-labelledby={`${id}-file`}>
          <h2 id={`${id}-file`}>{t('registerIo.file.title')}</h2>
          <p className="field__hint">{t('registerIo.file.shape')}</p>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-input`}>
              {t('registerIo.file.label')}
            </label>
            <input
              id={`${id}-input`}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              disabled={busy}
              aria-describedby={`${id}-rules`}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) chooseFile(file);
              }}
            />
          </div>
          <ul id={`${id}-rules`} className="field__hint register-io-rules">
            <li>{t('registerIo.file.rules.size')}</li>
            <li>{t('registerIo.file.rules.cells')}</li>
            <li>{t('registerIo.file.rules.dates')}</li>
            <li>{t('registerIo.file.rules.agencies')}</li>
          </ul>
        </section>
      )}

      {step.name === 'mapping' && (
        <ColumnMappingStep
          key={`${step.file.name}-${step.columns.headerRow}`}
          columns={step.columns}
          mapping={step.mapping}
          busy={busy}
          onMappingChange={(mapping) => setStep({ ...step, mapping })}
          onHeaderRow={(headerRow) => {
            setError(null);
            columns.mutate(
              { file: step.file, headerRow },
              {
                onSuccess: (found) =>
                  setStep({ ...step, columns: found, mapping: { ...mappingOf(found), ...step.mapping } }),
                onError: (e) => setError(fileErrorText(t, e, step.file.size)),
              },
            );
          }}
          onPreview={() => runPreview(step.file, step.columns, step.mapping)}
        />
      )}

      {step.name === 'preview' && (
        <ImportPreviewStep
          preview={step.preview}
          fileName={step.file.name}
          busy={busy}
          onBack={() =>
            setStep({ name: 'mapping', file: step.file, columns: step.columns, mapping: step.mapping })
          }
          // The corrected file keeps the columns as mapped: the person fixed rows, not the layout.
          onReupload={(file) => runPreview(file, step.columns, step.mapping)}
          onCommit={() => {
            setError(null);
            commit.mutate(
              { file: step.file, headerRow: step.columns.headerRow, mapping: step.mapping },
              {
                onSuccess: (result) => {
                  void client.invalidateQueries();
                  setStep({ name: 'done', fileName: step.file.name, result });
                },
                onError: (e) => setError(fileErrorText(t, e, step.file.size)),
              },
            );
          }}
        />
      )}

      {step.name === 'done' && (
        <section className="card section" aria-labelledby={`${id}-done`}>
          <h2 id={`${id}-done`}>{t('registerIo.done.title')}</h2>
          <p className="notice notice--ok" role="status">
            {t('registerIo.done.imported', { count: step.result.imported, file: step.fileName })}
            {step.result.groupsCreated.length > 0 &&
              ` ${t('registerIo.done.groups', { groups: step.result.groupsCreated.join(', ') })}`}
            {step.result.warnings > 0 && ` ${t('registerIo.done.warnings', { count: step.result.warnings })}`}
          </p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setStep({ name: 'file' })}
          >
            {t('registerIo.done.again')}
          </button>
        </section>
      )}

      <ExportPanel />
    </div>
  );
}
