/**
 * The envelope every activity event shares, and the builder that wraps one type × version's `attrs` in it.
 */
import { Type, type TSchema } from 'typebox';
import { EventIdSchema, OccurredAtSchema, SourceSchema, UnitKeySchema } from './fields.js';

/**
 * Builds the closed JSON Schema of one event type at one schema version.
 *
 * @example
 * const PostPublishedV1 = defineEvent('post.published', 1, Type.Object({ … }, { additionalProperties: false }));
 */
export function defineEvent<const T extends string, const V extends number, A extends TSchema>(
  type: T,
  version: V,
  attrs: A,
  description: string,
) {
  return Type.Object(
    {
      event_id: EventIdSchema,
      type: Type.Literal(type),
      schema_version: Type.Literal(version),
      occurred_at: OccurredAtSchema,
      unit_code: UnitKeySchema,
      source: Type.Optional(SourceSchema),
      attrs,
    },
    { additionalProperties: false, title: `${type} v${version}`, description },
  );
}

/**
 * The envelope alone, with `type`, `schema_version` and `attrs` left open. The validator uses it to report
 * envelope problems when it cannot pick a type × version schema (unknown type, unsupported version).
 */
export const OpenEnvelopeSchema = Type.Object(
  {
    event_id: EventIdSchema,
    type: Type.Unknown(),
    schema_version: Type.Unknown(),
    occurred_at: OccurredAtSchema,
    unit_code: UnitKeySchema,
    source: Type.Optional(SourceSchema),
    attrs: Type.Object({}),
  },
  { additionalProperties: false },
);
