import { Type, type TSchema } from 'typebox';
import { ERRORS, type ErrorCode } from '../errors.js';

/** The body of every error response, `{ error: { code, message, message_vi, requestId, details? } }`. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(Object.keys(ERRORS) as ErrorCode[], {
        description: 'Stable code from the error list (api/src/errors.ts)',
      }),
      message: Type.String({ description: 'What went wrong and what to do, in English' }),
      message_vi: Type.String({ description: 'The same in Vietnamese' }),
      requestId: Type.String({ description: 'Quote it to the operators' }),
      details: Type.Optional(Type.Unknown({ description: 'Field issues, unlock time… never personal data' })),
    }),
  },
  { title: 'Error' },
);

/**
 * A route's response schemas plus the error body for 4xx and 5xx, so that every output has a schema.
 *
 * @example schema: { response: withErrors({ 200: UnitDetail }) }
 */
export function withErrors<R extends Record<number, TSchema>>(
  responses: R,
): R & { '4xx': typeof ErrorResponse; '5xx': typeof ErrorResponse } {
  return { ...responses, '4xx': ErrorResponse, '5xx': ErrorResponse };
}

/** A unit key in a URL, query or body: `<structure>:<code>`, checked further by the access rule. */
export const UnitKeyParam = Type.String({
  minLength: 4,
  maxLength: 32,
  description: "Structure-qualified unit key, e.g. '2025:00004' or 'pre2025:00004'",
  examples: ['2025:80'],
});

/** A calendar date `YYYY-MM-DD` (a Vietnam local date). */
export const IsoDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Calendar date YYYY-MM-DD',
  examples: ['2025-07-01'],
});
