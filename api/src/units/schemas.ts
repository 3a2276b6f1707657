import { Type } from 'typebox';
import { IsoDate, UnitKeyParam } from '../http/schemas.js';

const Structure = Type.Union([Type.Literal('pre2025'), Type.Literal('2025')]);
const Level = Type.Enum(['central', 'province', 'district', 'commune', 'branch'] as const);
const NullableDate = Type.Union([Type.String({ format: 'date' }), Type.Null()]);

/** One org unit as the API shows it. */
export const UnitOut = Type.Object(
  {
    key: Type.String({ examples: ['2025:25459'] }),
    structure: Structure,
    code: Type.String(),
    name: Type.String(),
    type: Type.String({ description: "Vietnamese administrative type, e.g. 'Xã', 'Phường', 'Tỉnh'" }),
    level: Level,
    parentKey: Type.Union([Type.String(), Type.Null()]),
    depth: Type.Integer(),
    validFrom: NullableDate,
    validTo: NullableDate,
    demo: Type.Boolean({ description: 'Generated demo branch' }),
  },
  { title: 'Unit' },
);

/** A unit named in passing (breadcrumbs, lineage), with whether it lies in the caller's scope. */
export const UnitRef = Type.Object(
  { key: Type.String(), name: Type.String(), level: Level, inScope: Type.Boolean() },
  { title: 'UnitRef' },
);

/** Path parameter of unit routes. */
export const UnitParams = Type.Object({ unitKey: UnitKeyParam }, { additionalProperties: false });

/** `GET /units/:unitKey` answer. */
export const UnitDetail = Type.Object(
  {
    unit: UnitOut,
    ancestors: Type.Array(UnitRef, { description: 'Root first' }),
    children: Type.Array(UnitOut),
  },
  { title: 'UnitDetail' },
);

/** `GET /units/:unitKey/children` query. */
export const ChildrenQuery = Type.Object({ at: Type.Optional(IsoDate) }, { additionalProperties: false });

/** `GET /units/:unitKey/children` answer. */
export const ChildrenOut = Type.Object(
  { unitKey: Type.String(), at: Type.Union([Type.String(), Type.Null()]), children: Type.Array(UnitOut) },
  { title: 'Children' },
);

/** `GET /units/search` query. */
export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Name or part of it; accents optional',
      examples: ['tan ninh'],
    }),
    structure: Type.Optional(Structure),
    level: Type.Optional(Level),
    within: Type.Optional(UnitKeyParam),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);

/** `GET /units/search` answer. */
export const SearchOut = Type.Object(
  { query: Type.String({ description: 'The folded query' }), results: Type.Array(UnitOut) },
  { title: 'SearchResults' },
);

const RuleText = Type.Object({
  code: Type.Union([Type.Literal('identity'), Type.Literal('whole'), Type.Literal('split-equal')]),
  vi: Type.String(),
  en: Type.String(),
});

const Link = Type.Object({
  unit: UnitRef,
  type: Type.Union([Type.Literal('full'), Type.Literal('partial')]),
  weight: Type.Number({ description: "Share of the old unit's figures carried to the new unit" }),
});

/** `GET /units/:unitKey/lineage` answer. */
export const LineageOut = Type.Object(
  {
    unit: UnitRef,
    predecessors: Type.Array(Link, { description: 'Old units this 2025 unit was made from' }),
    successors: Type.Array(Link, { description: 'New units this old unit went into (direct links)' }),
    resolution: Type.Union([
      Type.Object({
        at: Type.String(),
        targets: Type.Array(Type.Object({ unit: UnitRef, weight: Type.Number() })),
        rule: RuleText,
      }),
      Type.Null(),
    ]),
  },
  { title: 'Lineage' },
);

/** `GET /units/:unitKey/resolve` query. */
export const ResolveQuery = Type.Object({ at: Type.Optional(IsoDate) }, { additionalProperties: false });

/** `GET /units/:unitKey/resolve` answer. */
export const ResolveOut = Type.Object(
  {
    unitKey: Type.String(),
    at: Type.String(),
    targets: Type.Array(Type.Object({ unit: UnitRef, weight: Type.Number() })),
    rule: RuleText,
  },
  { title: 'Resolution' },
);
