import type { Language, Localized } from './types.js';

/** Codes the API sends (api/src/errors.ts). */
export type ServerErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'BAD_REQUEST'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BODY_TOO_LARGE'
  | 'UNIT_KEY_INVALID'
  | 'DATE_INVALID'
  | 'UNAUTHENTICATED'
  | 'TOKEN_EXPIRED'
  | 'INVALID_CREDENTIALS'
  | 'SESSION_INVALID'
  | 'ACCOUNT_LOCKED'
  | 'CURRENT_PASSWORD_WRONG'
  | 'PASSWORD_TOO_WEAK'
  | 'FORBIDDEN_ROLE'
  | 'OUT_OF_SCOPE'
  | 'UNIT_NOT_FOUND'
  | 'UNIT_NOT_IN_FORCE'
  | 'RESOLVE_BACKWARDS'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL';

const SERVER_CODES = new Set<string>([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'BAD_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'BODY_TOO_LARGE',
  'UNIT_KEY_INVALID',
  'DATE_INVALID',
  'UNAUTHENTICATED',
  'TOKEN_EXPIRED',
  'INVALID_CREDENTIALS',
  'SESSION_INVALID',
  'ACCOUNT_LOCKED',
  'CURRENT_PASSWORD_WRONG',
  'PASSWORD_TOO_WEAK',
  'FORBIDDEN_ROLE',
  'OUT_OF_SCOPE',
  'UNIT_NOT_FOUND',
  'UNIT_NOT_IN_FORCE',
  'RESOLVE_BACKWARDS',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
]);

/** Errors raised in the browser, each with a message a person can act on. */
export const CLIENT_ERRORS = {
  NETWORK_ERROR: {
    vi: 'Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.',
    en: 'The server cannot be reached. Check the network connection and try again.',
  },
  BAD_RESPONSE: {
    vi: 'Máy chủ trả lời không đúng định dạng. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận vận hành.',
    en: 'The server sent an answer in an unexpected form. Try again; if it persists, tell the operators.',
  },
  UNEXPECTED: {
    vi: 'Máy chủ báo một lỗi chưa được mô tả. Hãy thử lại; nếu vẫn lỗi, báo cho bộ phận vận hành.',
    en: 'The server reported an error this console does not know. Try again; if it persists, tell the operators.',
  },
} as const satisfies Record<string, Localized>;

/** Codes of {@link CLIENT_ERRORS}. */
export type ClientErrorCode = keyof typeof CLIENT_ERRORS;

/** Every code an {@link ApiError} can carry. */
export type ApiErrorCode = ServerErrorCode | ClientErrorCode;

/** What {@link ApiError} is made from. */
export interface ApiErrorInit {
  code: ApiErrorCode;
  /** HTTP status; 0 when no answer came. */
  status: number;
  messages: Localized;
  language: Language;
  details?: unknown;
  requestId?: string;
}

/**
 * The one error the API client throws: a stable code, the HTTP status, and the message in the interface
 * language at the time of the error (`messages` keeps both).
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly messages: Localized;
  readonly details: unknown;
  readonly requestId: string | undefined;

  /** @param init code, status, messages in both languages and the language to show. */
  constructor(init: ApiErrorInit) {
    super(init.messages[init.language]);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.messages = init.messages;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

/** An {@link ApiError} of a client code. */
export function clientError(code: ClientErrorCode, language: Language, status = 0): ApiError {
  return new ApiError({ code, status, messages: CLIENT_ERRORS[code], language });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The {@link ApiError} of an error answer `{ error: { code, message, message_vi } }`. An answer without that
 * shape becomes BAD_RESPONSE; an unknown code keeps the server's messages under UNEXPECTED.
 *
 * @example errorFromBody(423, { error: { code: 'ACCOUNT_LOCKED', message: '…', message_vi: '…' } }, 'vi')
 */
export function errorFromBody(status: number, body: unknown, language: Language): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return clientError('BAD_RESPONSE', language, status);
  const fields = error as Record<string, unknown>;
  const en = text(fields.message);
  const vi = text(fields.message_vi) ?? en;
  const known = typeof fields.code === 'string' && SERVER_CODES.has(fields.code);
  const messages = en !== undefined && vi !== undefined ? { vi, en } : CLIENT_ERRORS.UNEXPECTED;
  return new ApiError({
    code: known ? (fields.code as ServerErrorCode) : 'UNEXPECTED',
    status,
    messages,
    language,
    details: fields.details,
    requestId: text(fields.requestId),
  });
}
