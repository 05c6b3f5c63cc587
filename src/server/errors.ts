/**
 * The closed set of errors the API answers with. Every error body has the same shape:
 * { error: { code, message, issues? } }, where issues name "field: problem" for bad input and
 * "row N, column: problem" for imports. Codes are stable; messages are for people.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'unauthorized'
  | 'invalid_credentials'
  | 'forbidden'
  | 'csrf_rejected'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export interface Issue {
  field: string;
  problem: string;
  /** A stable name for the problem, where a client shows its own words for it (imports' file problems). */
  code?: string;
  /** The values the problem names (cells, sizes, names), for a client's own words. */
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
export const invalid = (issues: Issue[]) =>
  new AppError(400, 'validation_failed', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), issues);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const forbidden = (message = 'You may not do this') => new AppError(403, 'forbidden', message);
export const unauthorized = () => new AppError(401, 'unauthorized', 'Sign in first');
/**
 * One answer for a wrong password, an unknown or disabled user, a locked account and an expired or used
 * link, so nobody learns which: the UI translates the code ("Email hoặc mật khẩu không đúng").
 */
export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Email or password is incorrect, or the link is no longer valid');
