import i18next from 'i18next';

/** The one way the web app reads the API: JSON over fetch, errors carry the HTTP status. */
export interface ApiIssue {
  field: string;
  problem: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The API's stable error code (`invalid_credentials`, `forbidden`, `rate_limited`…), when it sent one. */
    readonly code?: string,
    readonly issues: ApiIssue[] = [],
    /** The whole `error` object the API sent, for answers that carry more (a 409's changes). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let message = response.statusText;
  let code: string | undefined;
  let issues: ApiIssue[] = [];
  let details: Record<string, unknown> = {};
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; issues?: ApiIssue[] };
    };
    message = body.error?.message ?? message;
    code = body.error?.code;
    issues = body.error?.issues ?? [];
    details = body.error ?? {};
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(response.status, message, code, issues, details);
}

/**
 * Headers on every request: JSON, in the UI's language, so the API words its refusals (messages and
 * problems) in Vietnamese or English as the page is (decision 105).
 */
function headers(contentType?: string): Record<string, string> {
  return {
    accept: 'application/json',
    'accept-language': i18next.language === 'en' ? 'en' : 'vi',
    ...(contentType ? { 'content-type': contentType } : {}),
  };
}

export type QueryParams = Record<string, string | number | undefined | null>;

export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

export async function getJson<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  const response = await fetch(apiUrl(path, params), { signal, headers: headers() });
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

/**
 * A write (or a sign-in) with a JSON body. The session cookie goes along (same origin); the server's
 * CSRF check relies on the browser's Sec-Fetch-Site/Origin, so no token is needed. Answers with no
 * body (204) resolve to undefined.
 */
export async function sendJson<T = undefined>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(apiUrl(path), {
    method,
    credentials: 'same-origin',
    headers: headers(body === undefined ? undefined : 'application/json'),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The media type to send a file as: the browser's guess, else from the extension (Windows often gives none for .csv). */
function fileMediaType(file: File | Blob): string {
  if (file.type) return file.type;
  const name = file instanceof File ? file.name.toLowerCase() : '';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (name.endsWith('.csv')) return 'text/csv';
  return 'application/octet-stream';
}

/**
 * An upload whose request body is the file itself (imports, evidence files), as the API takes them:
 * no multipart. The file's name goes in the query when the endpoint wants it (`params`).
 */
export async function sendFile<T>(path: string, file: File | Blob, params: QueryParams = {}): Promise<T> {
  const response = await fetch(apiUrl(path, params), {
    method: 'POST',
    credentials: 'same-origin',
    headers: headers(fileMediaType(file)),
    body: file,
  });
  if (!response.ok) throw await toApiError(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
