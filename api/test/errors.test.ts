// The one error list: every code has a status, and short actionable English and Vietnamese messages; errors
// from Fastify, the hierarchy and the database map onto it.
import { InvalidDateError, UnitKeyError, UnitNotFoundError } from '@vwu/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, ERRORS, apiError, errorBody, toApiError } from '../src/index.js';

describe('ERRORS', () => {
  it.each(Object.entries(ERRORS))('%s has a status and messages in both languages', (code, spec) => {
    expect(code).toMatch(/^[A-Z_]+$/);
    expect(spec.status).toBeGreaterThanOrEqual(400);
    expect(spec.status).toBeLessThan(600);
    expect(spec.en.length).toBeLessThan(200);
    expect(spec.vi.length).toBeLessThan(220);
    expect(spec.en).toMatch(/\.$/);
    expect(spec.vi).toMatch(/\.$/);
    expect(spec.vi).toMatch(/[à-ỹđ]/);
  });

  it('fills placeholders in both languages and keeps details', () => {
    const error = apiError(
      'ACCOUNT_LOCKED',
      { until: '2025-09-01 02:15' },
      { lockedUntil: '2025-09-01T02:15:00.000Z' },
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.statusCode).toBe(423);
    expect(error.message).toContain('until 2025-09-01 02:15 (UTC)');
    expect(error.messageVi).toContain('đến 2025-09-01 02:15 (UTC)');
    expect(errorBody(error, 'req-1')).toEqual({
      error: {
        code: 'ACCOUNT_LOCKED',
        message: error.message,
        message_vi: error.messageVi,
        requestId: 'req-1',
        details: { lockedUntil: '2025-09-01T02:15:00.000Z' },
      },
    });
  });
});

describe('toApiError', () => {
  it.each([
    { case: 'an API error', error: apiError('OUT_OF_SCOPE'), code: 'OUT_OF_SCOPE' },
    { case: 'a unit key error', error: new UnitKeyError('bad'), code: 'UNIT_KEY_INVALID' },
    { case: 'a date error', error: new InvalidDateError('bad'), code: 'DATE_INVALID' },
    { case: 'an unknown unit', error: new UnitNotFoundError('2025:99999'), code: 'UNIT_NOT_FOUND' },
    {
      case: 'a validation error',
      error: Object.assign(new Error('v'), { validation: [], validationContext: 'body' }),
      code: 'VALIDATION_FAILED',
    },
    {
      case: 'bad JSON',
      error: Object.assign(new Error('j'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY', statusCode: 400 }),
      code: 'MALFORMED_JSON',
    },
    {
      case: 'a body over the limit',
      error: Object.assign(new Error('l'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }),
      code: 'BODY_TOO_LARGE',
    },
    {
      case: 'a refused connection',
      error: Object.assign(new Error('c'), { code: 'ECONNREFUSED' }),
      code: 'SERVICE_UNAVAILABLE',
    },
    { case: 'a unique violation', error: Object.assign(new Error('u'), { code: '23505' }), code: 'CONFLICT' },
    { case: 'another 4xx', error: Object.assign(new Error('x'), { statusCode: 405 }), code: 'BAD_REQUEST' },
    { case: 'anything else', error: new TypeError('boom'), code: 'INTERNAL' },
  ])('maps $case to $code', ({ error, code }) => {
    const mapped = toApiError(error, 1024);
    expect(mapped.code).toBe(code);
    expect(mapped.statusCode).toBe(ERRORS[mapped.code].status);
  });

  it('never copies the original message of an unexpected error into the response', () => {
    const mapped = toApiError(new Error('password=hunter2 at row 5'), 1024);
    expect(JSON.stringify(errorBody(mapped, 'r'))).not.toContain('hunter2');
  });
});
