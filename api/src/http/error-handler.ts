import { UnitsError, type UnitsErrorCode } from '@vwu/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, apiError, errorBody, type ErrorCode } from '../errors.js';

/** Hierarchy errors from @vwu/contracts, onto the API's list. */
const UNITS_CODES: Record<UnitsErrorCode, ErrorCode> = {
  UNIT_KEY_INVALID: 'UNIT_KEY_INVALID',
  DATE_INVALID: 'DATE_INVALID',
  UNIT_NOT_FOUND: 'UNIT_NOT_FOUND',
  UNIT_NOT_IN_FORCE: 'UNIT_NOT_IN_FORCE',
  RESOLVE_BACKWARDS: 'RESOLVE_BACKWARDS',
  HIERARCHY_DATA_INVALID: 'INTERNAL',
};

/** Fastify's own request errors, by code. */
const FASTIFY_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_BAD_URL: 'BAD_REQUEST',
  FST_ERR_MAX_PARAM_LENGTH: 'URI_TOO_LONG',
};

/** Connection failures of the store (pg and node:net codes). */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** One validation issue, without the offending value. */
interface FieldIssue {
  in: string;
  field: string;
  problem: string;
}

function fieldIssues(error: FastifyError): FieldIssue[] {
  // A property refused by `additionalProperties: false` is reported twice (as a false schema too): keep one.
  const issues = (error.validation ?? []).filter((issue) => issue.keyword !== 'boolean');
  return issues.map((issue) => {
    const extra = (issue.params as { additionalProperties?: unknown } | undefined)?.additionalProperties;
    const field = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    return {
      in: error.validationContext ?? 'body',
      field: Array.isArray(extra) ? extra.map(String).join(', ') : field,
      problem: issue.message ?? 'invalid',
    };
  });
}

/**
 * The API error for anything thrown while serving a request.
 *
 * @example toApiError(new UnitNotFoundError('2025:99999'), 1048576).code // 'UNIT_NOT_FOUND'
 */
export function toApiError(error: unknown, bodyLimit: number): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof UnitsError) return apiError(UNITS_CODES[error.code]);
  const e = error as Partial<FastifyError> & { code?: string };
  if (e.validation !== undefined) return apiError('VALIDATION_FAILED', {}, fieldIssues(e as FastifyError));
  const mapped = e.code === undefined ? undefined : FASTIFY_CODES[e.code];
  if (mapped !== undefined) return apiError(mapped, { limit: bodyLimit });
  if (e.code !== undefined && UNAVAILABLE.has(e.code)) return apiError('SERVICE_UNAVAILABLE');
  if (e.code === '23505') return apiError('CONFLICT');
  const status = e.statusCode ?? 500;
  if (status === 404) return apiError('NOT_FOUND');
  if (status === 413) return apiError('BODY_TOO_LARGE', { limit: bodyLimit });
  if (status === 415) return apiError('UNSUPPORTED_MEDIA_TYPE');
  if (status >= 400 && status < 500) return apiError('BAD_REQUEST');
  return apiError('INTERNAL');
}

/**
 * Fastify's `frameworkErrors` option: errors found before routing (a malformed URL, a parameter over the
 * length limit) leave in the same shape as every other error.
 *
 * @example Fastify({ frameworkErrors: frameworkErrorHandler(1048576) })
 */
export function frameworkErrorHandler(bodyLimit: number) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const mapped = toApiError(error, bodyLimit);
    void reply
      .status(mapped.statusCode)
      .header('x-request-id', request.id)
      .send(errorBody(mapped, request.id));
  };
}

/** Fields of an unexpected error that are safe to log: never bodies, SQL parameters or pg `detail`. */
function loggable(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; code?: unknown; message?: unknown; stack?: unknown };
  return { type: e.name, code: e.code, message: e.message, stack: e.stack };
}

function logFailure(request: FastifyRequest, error: unknown, mapped: ApiError): void {
  if (mapped.statusCode >= 500)
    request.log.error({ err: loggable(error), code: mapped.code }, 'request failed');
}

/**
 * Every error leaves as `{ error: { code, message, message_vi, requestId, details? } }` with the status of
 * its code: API errors as thrown; validation, JSON, size and media-type errors from Fastify; hierarchy
 * errors; unknown routes; everything else as INTERNAL (logged with its stack, never with the request body).
 */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(async (error, request, reply) => {
      const mapped = toApiError(error, app.config.bodyLimitBytes);
      logFailure(request, error, mapped);
      return reply.status(mapped.statusCode).send(errorBody(mapped, request.id));
    });
    app.setNotFoundHandler(async (request, reply) =>
      reply.status(404).send(errorBody(apiError('NOT_FOUND'), request.id)),
    );
  },
  { name: 'vwu-errors', fastify: '5.x', dependencies: ['vwu-context'] },
);
