import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field.tsx';
import { apiErrorText } from '../../../components/form-error.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format.ts';
import { type EvidenceIn, fileHref, uploadEvidence } from '../api/reports.ts';

export type FileMeta = { name: string; mime: string; sizeBytes: number };
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg,.webp';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One piece of evidence as a line of text (and the file as a download). */
export function EvidenceText({ evidence, file }: { evidence: EvidenceIn; file?: FileMeta }) {
  const { t } = useTranslation();
  if (evidence.kind === 'document')
    return (
      <span>
        {t('reports.evidence.documentLine', {
          number: evidence.number,
          date: formatDate(evidence.date),
          issuer: evidence.issuer,
        })}
      </span>
    );
  if (evidence.kind === 'file')
    return (
      <a href={fileHref(evidence.fileId)} download>
        {file
          ? `${file.name} (${sizeText(file.sizeBytes)})`
          : t('reports.evidence.fileN', { id: evidence.fileId })}
      </a>
    );
  return (
    <a href={evidence.url} target="_blank" rel="noreferrer noopener" className="report-evidence__url">
      {evidence.url}
    </a>
  );
}

/**
 * A task's evidence: the list (each removable while editing) and three ways to add one: an issued
 * document (number and symbol, date, issuer), a file (uploaded at once) or a link. The server checks
 * them; its message shows on the row.
 */
export function EvidenceList({
  evidence,
  files,
  readOnly,
  onChange,
  onUploaded,
}: {
  evidence: EvidenceIn[];
  files: Map<number, FileMeta>;
  readOnly: boolean;
  onChange: (evidence: EvidenceIn[]) => void;
  onUploaded: (id: number, meta: FileMeta) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<'document' | 'file' | 'link'>('document');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [issuer, setIssuer] = useState('');
  const [url, setUrl] = useState('');
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setUploading(true);
    setUploadError(null);
    try {
      const stored = await uploadEvidence(file);
      onUploaded(stored.id, { name: file.name, mime: stored.mime, sizeBytes: stored.sizeBytes });
      onChange([...evidence, { kind: 'file', fileId: stored.id }]);
    } catch (error) {
      // The server's own words for size and type refusals ("file: larger than the 20 MB limit").
      setUploadError(
        error instanceof ApiError && (error.status === 413 || error.status === 415)
          ? `${t(error.status === 413 ? 'reports.evidence.tooLarge' : 'reports.evidence.badType')} (${error.message})`
          : apiErrorText(t, error),
      );
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="report-evidence">
      {evidence.length === 0 ? (
        <p className="muted">{t('reports.evidence.none')}</p>
      ) : (
        <ul className="report-evidence__list">
          {evidence.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: evidence has no id until saved; the same document may be listed twice
            <li key={i} data-kind={e.kind}>
              <span className="tag">{t(`reports.evidence.kind.${e.kind}`)}</span>{' '}
              <EvidenceText evidence={e} file={e.kind === 'file' ? files.get(e.fileId) : undefined} />
              {!readOnly && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onChange(evidence.filter((_, j) => j !== i))}
                >
                  {t('reports.evidence.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <fieldset className="report-evidence__add">
          <legend>{t('reports.evidence.add')}</legend>
          <div
            className="report-evidence__kinds"
            role="radiogroup"
            aria-label={t('reports.evidence.kindLabel')}
          >
            {(['document', 'file', 'link'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => setKind(k)} />{' '}
                {t(`reports.evidence.kind.${k}`)}
              </label>
            ))}
          </div>
          {kind === 'document' && (
            <div className="report-evidence__fields">
              <label>
                {t('reports.evidence.number')}
                <input value={number} onChange={(e) => setNumber(e.target.value)} placeholder="71/NQ-CP" />
              </label>
              <div className="report-evidence__date">
                <DateField label={t('reports.evidence.date')} value={date} onChange={setDate} />
              </div>
              <label>
                {t('reports.evidence.issuer')}
                <input value={issuer} onChange={(e) => setIssuer(e.target.value)} />
              </label>
              <button
                type="button"
                className="button button--secondary"
                disabled={!number.trim() || !date || !issuer.trim()}
                onClick={() => {
                  onChange([...evidence, { kind: 'document', number, date, issuer }]);
                  setNumber('');
                  setDate('');
                  setIssuer('');
                }}
              >
                {t('reports.evidence.addDocument')}
              </button>
            </div>
          )}
          {kind === 'file' && (
            <div className="report-evidence__fields">
              <label>
                {t('reports.evidence.file')}
                <input
                  type="file"
                  accept={ACCEPT}
                  disabled={uploading}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    e.target.value = '';
                    if (file) void upload(file);
                  }}
                />
              </label>
              <span className="muted">
                {uploading ? t('reports.evidence.uploading') : t('reports.evidence.fileHint')}
              </span>
            </div>
          )}
          {kind === 'link' && (
            <div className="report-evidence__fields">
              <label>
                {t('reports.evidence.url')}
                <input
                  type="url"
                  value={url}
                  onChange={(e) => setUrl(e.target.value)}
                  placeholder="https://"
                />
              </label>
              <button
                type="button"
                className="button button--secondary"
                disabled={!url.trim()}
                onClick={() => {
                  onChange([...evidence, { kind: 'link', url: url.trim() }]);
                  setUrl('');
                }}
              >
                {t('reports.evidence.addLink')}
              </button>
            </div>
          )}
          {uploadError && (
            <p className="form-error" role="alert">
              {uploadError}
            </p>
          )}
        </fieldset>
      )}
    </div>
  );
}
