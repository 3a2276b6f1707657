/**
 * Request and response schemas of the contest routes (issue 8):
 * - GET/POST /contests, GET/PUT /contests/:contestId                        definitions
 * - GET/POST /contests/:contestId/entries, PATCH …/entries/:entryId         entries (first stage only)
 * - POST …/entries/:entryId/attachments (multipart "file"), GET …/attachments/:attachmentId
 * - GET/POST /contests/:contestId/judges                                    juries per stage and unit
 * - GET /contests/:contestId/judging, PUT …/entries/:entryId/scores         a judge's sheets and progress
 * - POST …/entries/:entryId/corrections                                     organiser correction with reason
 * - POST /contests/:contestId/stages/:stageIndex/close                      close, promote, award
 * - GET …/results, …/participation, …/entries/:entryId/certificate          results, units, certificates
 * - POST/GET /contests/:contestId/votes                                     public vote
 */
import { Type, type Static } from 'typebox';
import { IsoDate, UnitKeyParam } from '../http/schemas.js';

const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647, examples: [1] });
const Text = (max: number, examples: string[]) => Type.String({ minLength: 1, maxLength: max, examples });

export const ForwardRuleSchema = Type.Union([
  Type.Object({ mode: Type.Literal('top'), count: Type.Integer({ minimum: 0, maximum: 1000 }) }),
  Type.Object({ mode: Type.Literal('threshold'), minScore: Type.Number({ minimum: 0, maximum: 100 }) }),
]);

export const StageSchema = Type.Object({
  level: Type.Union([Type.Literal('commune'), Type.Literal('province'), Type.Literal('central')]),
  opensOn: IsoDate,
  closesOn: IsoDate,
  forward: ForwardRuleSchema,
});

export const CriterionSchema = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
  label: Text(200, ['Tính sáng tạo']),
  weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
  maxScore: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
});

export const AwardTierSchema = Type.Object({
  key: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
  label: Text(120, ['Giải Nhất']),
  count: Type.Integer({ minimum: 1, maximum: 100 }),
});

export const DefinitionSchema = Type.Object({
  title: Text(200, ['Ứng dụng công nghệ thông tin trong tổ chức sinh hoạt hội']),
  rules: Type.String({ maxLength: 20_000 }),
  mode: Type.Union([Type.Literal('jury'), Type.Literal('public_vote')]),
  eligibility: Type.Object({
    audiences: Type.Array(
      Type.Union([Type.Literal('cadre'), Type.Literal('member'), Type.Literal('honorary_member')]),
      { minItems: 1, uniqueItems: true },
    ),
    authorKinds: Type.Array(Type.Union([Type.Literal('individual'), Type.Literal('collective')]), {
      minItems: 1,
      uniqueItems: true,
    }),
  }),
  stages: Type.Array(StageSchema, { minItems: 1, maxItems: 5 }),
  criteria: Type.Array(CriterionSchema, { maxItems: 20 }),
  awards: Type.Array(AwardTierSchema, { maxItems: 10 }),
});

const DEFINITION_EXAMPLE = {
  title: 'Ứng dụng công nghệ thông tin trong tổ chức sinh hoạt hội',
  rules: 'Thể lệ cuộc thi',
  mode: 'jury',
  eligibility: { audiences: ['cadre', 'member'], authorKinds: ['individual'] },
  stages: [
    { level: 'province', opensOn: '2025-09-01', closesOn: '2025-09-30', forward: { mode: 'top', count: 3 } },
  ],
  criteria: [{ key: 'idea', label: 'Ý tưởng', weight: 1, maxScore: 10 }],
  awards: [{ key: 'first', label: 'Giải Nhất', count: 1 }],
};

export const ContestCreate = Type.Object(
  { ownerUnit: UnitKeyParam, definition: DefinitionSchema },
  { examples: [{ ownerUnit: '2025:80', definition: DEFINITION_EXAMPLE }] },
);
export type ContestCreate = Static<typeof ContestCreate>;

export const ContestUpdate = Type.Object(
  { version: Type.Integer({ minimum: 1 }), definition: DefinitionSchema },
  { examples: [{ version: 1, definition: DEFINITION_EXAMPLE }] },
);

export const ContestParams = Type.Object({ contestId: Id });
/** `unit`: only the contests that involve this unit (owned above it, at it or below it); default the scope. */
export const ContestListQuery = Type.Object({ unit: Type.Optional(UnitKeyParam) });
export const EntryParams = Type.Object({ contestId: Id, entryId: Id });
export const AttachmentParams = Type.Object({ contestId: Id, attachmentId: Id });
export const StageParams = Type.Object({
  contestId: Id,
  stageIndex: Type.Integer({ minimum: 0, maximum: 4 }),
});

export const StageOut = Type.Object({
  index: Type.Integer(),
  level: Type.String(),
  opensOn: Type.String(),
  closesOn: Type.String(),
  forward: ForwardRuleSchema,
  status: Type.Union([
    Type.Literal('upcoming'),
    Type.Literal('open'),
    Type.Literal('deadline_passed'),
    Type.Literal('closed'),
  ]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});

export const ContestOut = Type.Object({
  id: Type.Integer(),
  ownerUnit: Type.Object({ key: Type.String(), name: Type.String() }),
  definition: DefinitionSchema,
  stages: Type.Array(StageOut),
  version: Type.Integer(),
  /** What the caller may do here. */
  can: Type.Object({ manage: Type.Boolean(), submit: Type.Boolean(), judge: Type.Boolean() }),
});
export const ContestList = Type.Object({ contests: Type.Array(ContestOut) });

const Link = Type.String({ pattern: '^https?://', maxLength: 500 });

export const EntryCreate = Type.Object(
  {
    unitKey: UnitKeyParam,
    title: Text(200, ['Sổ tay sinh hoạt chi hội trên Zalo']),
    description: Type.String({ maxLength: 5000 }),
    audience: Type.Union([Type.Literal('cadre'), Type.Literal('member'), Type.Literal('honorary_member')]),
    authorKind: Type.Union([Type.Literal('individual'), Type.Literal('collective')]),
    authors: Type.Array(Text(200, ['Nguyễn Thị Lan']), { minItems: 1, maxItems: 30 }),
    links: Type.Array(Link, { maxItems: 10, default: [] }),
  },
  {
    examples: [
      {
        unitKey: '2025:25459',
        title: 'Sổ tay sinh hoạt chi hội trên Zalo',
        description: 'Mô tả',
        audience: 'cadre',
        authorKind: 'individual',
        authors: ['Nguyễn Thị Lan'],
        links: [],
      },
    ],
  },
);
export type EntryCreate = Static<typeof EntryCreate>;

export const EntryUpdate = Type.Object(
  {
    title: Type.Optional(Text(200, ['Sổ tay sinh hoạt'])),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    authors: Type.Optional(Type.Array(Text(200, ['Nguyễn Thị Lan']), { minItems: 1, maxItems: 30 })),
    links: Type.Optional(Type.Array(Link, { maxItems: 10 })),
    withdrawn: Type.Optional(Type.Boolean()),
  },
  { examples: [{ title: 'Sổ tay sinh hoạt' }] },
);
export type EntryUpdate = Static<typeof EntryUpdate>;

export const AttachmentOut = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
});

export const EntryOut = Type.Object({
  id: Type.Integer(),
  contestId: Type.Integer(),
  unit: Type.Object({ key: Type.String(), name: Type.String() }),
  title: Type.String(),
  description: Type.String(),
  audience: Type.String(),
  authorKind: Type.String(),
  authors: Type.Array(Type.String()),
  links: Type.Array(Type.String()),
  submittedAt: Type.String(),
  withdrawn: Type.Boolean(),
  stageReached: Type.Integer(),
  forwarded: Type.Boolean(),
  attachments: Type.Array(AttachmentOut),
});
export const EntryList = Type.Object({ entries: Type.Array(EntryOut) });

export const JudgeAssign = Type.Object(
  {
    stageIndex: Type.Integer({ minimum: 0, maximum: 4 }),
    juryUnit: UnitKeyParam,
    username: Text(64, ['judge.central']),
    homeUnit: Type.Optional(UnitKeyParam),
  },
  { examples: [{ stageIndex: 0, juryUnit: '2025:80', username: 'judge.central' }] },
);
export const JudgeOut = Type.Object({
  stageIndex: Type.Integer(),
  juryUnit: Type.Object({ key: Type.String(), name: Type.String() }),
  /** The jury group has closed on its own (its ranking announced) before its stage. */
  juryClosed: Type.Boolean(),
  userId: Type.Integer(),
  displayName: Type.String(),
  homeUnit: Type.Object({ key: Type.String(), name: Type.String() }),
});
export const JudgeList = Type.Object({ judges: Type.Array(JudgeOut) });

export const ScoreItem = Type.Object({
  criterion: Type.String({ maxLength: 32 }),
  value: Type.Number({ minimum: 0, maximum: 1000 }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});
export const ScoresPut = Type.Object(
  {
    stageIndex: Type.Integer({ minimum: 0, maximum: 4 }),
    scores: Type.Array(ScoreItem, { minItems: 1, maxItems: 20 }),
  },
  { examples: [{ stageIndex: 0, scores: [{ criterion: 'idea', value: 8, comment: 'Tốt' }] }] },
);
export type ScoresPut = Static<typeof ScoresPut>;

export const Correction = Type.Object(
  {
    stageIndex: Type.Integer({ minimum: 0, maximum: 4 }),
    judgeId: Id,
    criterion: Type.String({ maxLength: 32 }),
    value: Type.Number({ minimum: 0, maximum: 1000 }),
    reason: Type.String({ maxLength: 1000 }),
  },
  {
    examples: [
      { stageIndex: 0, judgeId: 1, criterion: 'idea', value: 8, reason: 'Giám khảo nhập nhầm điểm' },
    ],
  },
);
export type Correction = Static<typeof Correction>;

const SheetOut = Type.Object({
  entryId: Type.Integer(),
  title: Type.String(),
  unit: Type.Object({ key: Type.String(), name: Type.String() }),
  conflict: Type.Boolean(),
  complete: Type.Boolean(),
  scores: Type.Array(Type.Object({ criterion: Type.String(), value: Type.Number(), comment: Type.String() })),
  attachments: Type.Array(AttachmentOut),
  links: Type.Array(Type.String()),
  description: Type.String(),
});
export const JudgingOut = Type.Object({
  assignments: Type.Array(
    Type.Object({
      stageIndex: Type.Integer(),
      status: Type.String(),
      juryUnit: Type.Object({ key: Type.String(), name: Type.String() }),
      progress: Type.Object({ scored: Type.Integer(), remaining: Type.Integer(), conflicts: Type.Integer() }),
      sheets: Type.Array(SheetOut),
    }),
  ),
});

const StandingOut = Type.Object({
  entryId: Type.Integer(),
  title: Type.String(),
  unit: Type.Object({ key: Type.String(), name: Type.String() }),
  score: Type.Union([Type.Number(), Type.Null()]),
  judges: Type.Integer(),
  rank: Type.Integer(),
  promoted: Type.Boolean(),
});
export const ResultsOut = Type.Object({
  tieBreak: Type.String(),
  stages: Type.Array(
    Type.Object({
      index: Type.Integer(),
      status: Type.String(),
      groups: Type.Array(
        Type.Object({
          jury: Type.Object({ key: Type.String(), name: Type.String() }),
          standings: Type.Array(StandingOut),
        }),
      ),
    }),
  ),
  awards: Type.Array(
    Type.Object({
      entryId: Type.Integer(),
      title: Type.String(),
      unit: Type.Object({ key: Type.String(), name: Type.String() }),
      tier: Type.String(),
      label: Type.String(),
      position: Type.Integer(),
    }),
  ),
});

export const ParticipationOut = Type.Object({
  units: Type.Array(
    Type.Object({
      unit: Type.Object({ key: Type.String(), name: Type.String() }),
      submitted: Type.Integer(),
      forwarded: Type.Integer(),
      awarded: Type.Integer(),
    }),
  ),
});

export const VoteIn = Type.Object(
  {
    entryId: Id,
    memberKey: Type.String({ minLength: 4, maxLength: 64 }),
    phone: Type.String({ pattern: '^[0-9]{9,11}$' }),
  },
  { examples: [{ entryId: 1, memberKey: 'm-0000', phone: '0912345678' }] },
);
export const VoteAck = Type.Object({ entryId: Type.Integer() });
