/**
 * The one table of coded errors. Call sites throw `new PosError('CODE', detail)`; the HTTP
 * layer maps the code to a status, the CLI prints the message on one line.
 */
const TABLE = {
  POS_ERR_UNAUTHORIZED: { status: 401, message: 'Unauthorized: send "Authorization: Token <token>"' },
  POS_ERR_NOT_FOUND: { status: 404, message: 'Not found' },
  POS_ERR_BAD_REQUEST: { status: 400, message: 'Bad request' },
  POS_ERR_BODY_TOO_LARGE: { status: 413, message: 'Request body is over the limit' },
  POS_ERR_BAD_PATH: { status: 400, message: 'Path may not contain ".."' },
  POS_ERR_MISSING_ARGUMENT: { status: 422, message: 'Missing argument' },
  POS_ERR_INVALID_ARGUMENT: { status: 422, message: 'Invalid argument' },
  POS_ERR_LIQUID: { status: 500, message: 'Liquid error' },
  POS_ERR_FRONT_MATTER: { status: 500, message: 'Invalid front matter' },
  POS_ERR_UNKNOWN_PARTIAL: { status: 500, message: 'Partial not found' },
  POS_ERR_UNKNOWN_NOTIFICATION: { status: 422, message: 'Notification not found' },
  POS_ERR_UNKNOWN_FORM: { status: 422, message: 'Form not found' },
  POS_ERR_UNKNOWN_TABLE: { status: 422, message: 'Table not found' },
  POS_ERR_UNKNOWN_QUERY: { status: 422, message: 'GraphQL query file not found' },
  POS_ERR_CSRF: { status: 422, message: 'Invalid authenticity token' },
  POS_ERR_HTTP: { status: 502, message: 'Outgoing HTTP call failed' },
  POS_ERR_CONNECT: { status: 1, message: 'Cannot reach the instance' },
} as const;

export type ErrorCode = keyof typeof TABLE;

export class PosError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, detail?: string) {
    const base = TABLE[code].message;
    super(detail ? `${base}: ${detail}` : base);
    this.name = 'PosError';
    this.code = code;
    this.status = TABLE[code].status;
  }
}

export function isPosError(err: unknown, code?: ErrorCode): err is PosError {
  return err instanceof PosError && (code === undefined || err.code === code);
}

/** A message fit for one line of output, whatever was thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
