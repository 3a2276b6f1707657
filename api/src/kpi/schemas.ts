import { Type } from 'typebox';
import { UnitKeyParam } from '../http/schemas.js';

const Level = Type.Union(
  ['central', 'province', 'district', 'commune', 'branch'].map((l) => Type.Literal(l)),
  { description: 'Unit level a target value applies to' },
);
const KpiId = Type.String({ pattern: '^[a-z][a-z0-9-]{1,47}$', examples: ['docs-online'] });
const Year = Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()], {
  description: 'Year of the value; null: every year without a value of its own',
});

/** A KPI definition. */
export const KpiDefinitionOut = Type.Object(
  {
    id: Type.String(),
    title: Type.Object({ vi: Type.String(), en: Type.String() }),
    measure: Type.Union([Type.Literal('ratio'), Type.Literal('unit_share'), Type.Literal('total')]),
    valueKind: Type.Union([Type.Literal('percent'), Type.Literal('count')], {
      description: 'percent: target values 0–100; count: whole numbers',
    }),
    numerator: Type.String({ description: 'Rollup metric (pipeline/src/rollup/metrics.ts)' }),
    denominator: Type.Union([Type.String(), Type.Null()]),
    levels: Type.Array(Type.String()),
    period: Type.Union([Type.Literal('monthly'), Type.Literal('yearly'), Type.Literal('cumulative')]),
    provinceEditable: Type.Boolean(),
    source: Type.String({ description: 'Plan the target comes from' }),
  },
  { title: 'KpiDefinition' },
);

/** A stored target value. */
export const TargetRowOut = Type.Object(
  { kpiId: Type.String(), unitKey: Type.String(), level: Type.String(), year: Year, value: Type.Number() },
  { title: 'KpiTarget' },
);

/** A value in force, with where it came from. */
export const EffectiveTargetOut = Type.Object(
  {
    kpiId: Type.String(),
    unitKey: Type.String(),
    level: Type.String(),
    year: Year,
    value: Type.Number(),
    source: Type.Union([Type.Literal('national'), Type.Literal('province')]),
  },
  { title: 'KpiEffectiveTarget' },
);

export const DefinitionParams = Type.Object({ kpiId: KpiId });

export const DefinitionPatch = Type.Object(
  {
    provinceEditable: Type.Optional(Type.Boolean()),
    titleVi: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    titleEn: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ provinceEditable: false }] },
);

export const TargetsQuery = Type.Object(
  {
    unit: Type.Optional(UnitKeyParam),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false },
);

export const TargetsOut = Type.Object(
  {
    unit: Type.Object({ key: Type.String(), level: Type.String() }),
    province: Type.Union([Type.String(), Type.Null()], { description: 'Province whose plan applies' }),
    year: Type.Integer(),
    effective: Type.Array(EffectiveTargetOut),
    rows: Type.Array(TargetRowOut, { description: 'Stored values of the national plan and the province' }),
  },
  { title: 'KpiTargets' },
);

export const TargetPut = Type.Object(
  {
    kpiId: KpiId,
    unitKey: UnitKeyParam,
    level: Level,
    year: Year,
    value: Type.Union([Type.Number(), Type.Null()], { description: 'null removes the value' }),
  },
  {
    additionalProperties: false,
    examples: [{ kpiId: 'docs-online', unitKey: '2025:80', level: 'commune', year: 2026, value: 75 }],
  },
);

export const TargetPutOut = Type.Object({
  before: Type.Union([TargetRowOut, Type.Null()]),
  after: Type.Union([TargetRowOut, Type.Null()]),
});
