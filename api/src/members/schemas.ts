/**
 * Request and response schemas of the member registry (issue 4 §5 "members", issue 7).
 *
 * Every member route sits under the unit it concerns, `/units/:unitKey/…`: the access check puts that unit
 * inside the caller's scope before a handler runs, and every query is restricted to the unit's subtree, so a
 * commune officer reaches only her commune's members. Members are registered on 2025 branches or communes.
 * Roles: read = central_analyst, province_leader, commune_officer, administrator; write = province_leader,
 * commune_officer, administrator. Errors: `{ error: { code, message, message_vi, requestId, details? } }`;
 * field problems come as `details: FieldProblem[]` (below) with a message in both languages.
 *
 * Schemas of the workflows (transfers, applications, merge, cards, import, trainings): `workflow-schemas.ts`.
 *
 * Routes:
 * - GET    /units/:unitKey/members                          list: filters, `q` search, sort, cursor paging
 * - POST   /units/:unitKey/members                          add a member to this branch/commune
 * - GET    /units/:unitKey/members/export                   XLSX or CSV of the filtered list (streamed)
 * - GET    /units/:unitKey/members/duplicates               likely duplicates (same name + birth date, or phone)
 * - POST   /units/:unitKey/members/merge-preview            what a merge would keep
 * - POST   /units/:unitKey/members/merge                    merge two records into one (audited)
 * - GET    /units/:unitKey/members/:memberId                one member with history, cards, trainings
 * - PATCH  /units/:unitKey/members/:memberId                edit (send the `version` you read)
 * - POST   /units/:unitKey/members/:memberId/transfers      propose a transfer to another unit
 * - GET    /units/:unitKey/transfers                        transfers into or out of the unit
 * - POST   /units/:unitKey/transfers/:transferId/accept     receiving unit accepts (member moves, history kept)
 * - POST   /units/:unitKey/transfers/:transferId/reject     receiving unit refuses, with a reason
 * - POST   /units/:unitKey/transfers/:transferId/cancel     sending unit withdraws it
 * - GET    /units/:unitKey/applications                     membership applications
 * - POST   /units/:unitKey/applications                     record an application (online group, non-member)
 * - POST   /units/:unitKey/applications/:applicationId/approve   approve into a branch (creates the member)
 * - POST   /units/:unitKey/applications/:applicationId/reject    reject with a reason
 * - POST   /units/:unitKey/members/:memberId/card           issue (or re-issue) the smart card: signed token
 * - POST   /units/:unitKey/members/:memberId/card/revoke    revoke the active card
 * - GET    /cards/verify?token=…                            public: valid | revoked | unknown, no personal data
 * - POST   /units/:unitKey/member-imports                   upload XLSX/CSV (multipart, field "file"): preview
 * - POST   /units/:unitKey/member-imports/:importId/commit  map columns, import good rows (or dryRun)
 * - GET    /units/:unitKey/member-imports/:importId/errors  bad rows as a file (?format=xlsx|csv)
 * - GET    /units/:unitKey/members/:memberId/trainings      a cadre's training records
 * - POST   /units/:unitKey/members/:memberId/trainings      add one
 * - PATCH  /units/:unitKey/members/:memberId/trainings/:trainingId   edit one
 * - DELETE /units/:unitKey/members/:memberId/trainings/:trainingId   remove one
 * - GET    /units/:unitKey/trainings                        training records in the unit (filters by topic, year)
 */
import { Type, type Static } from 'typebox';
import { UnitKeyParam } from '../http/schemas.js';

// ---- vocabularies ---------------------------------------------------------------------------------------

/** Gender as recorded; honorary members may be men. */
export const Gender = Type.Enum(['female', 'male'] as const);
/** A member's roles in the Union. */
export const MemberRole = Type.Enum(['member', 'branch_head', 'cadre'] as const);
/** Smart card state: never issued, an active card, or the last card revoked. */
export const CardStatus = Type.Enum(['none', 'active', 'revoked'] as const);
/** Record state: `left` keeps the record; `merged` points to the record it was merged into. */
export const MemberStatus = Type.Enum(['active', 'left', 'merged'] as const);
/** Age bands of the list filter, by age today (Vietnam time). */
export const AgeBand = Type.Enum(['under_30', '30_44', '45_59', '60_plus'] as const);
/** Training topics (the training targets count them). */
export const TrainingTopic = Type.Enum([
  'digital_skills',
  'e_commerce',
  'online_public_services',
  'it_for_cadres',
  'other',
] as const);
/** Sort keys of the list; `-` prefix = descending. */
export const MemberSort = Type.Enum([
  'name',
  '-name',
  'joinedOn',
  '-joinedOn',
  'dateOfBirth',
  '-dateOfBirth',
] as const);

/** One field problem, in both languages (`details` of MEMBER_INVALID and of import rows). */
export const FieldProblem = Type.Object(
  { field: Type.String(), problem: Type.String(), en: Type.String(), vi: Type.String() },
  { title: 'FieldProblem' },
);

// ---- params ---------------------------------------------------------------------------------------------

const Id = Type.String({ pattern: '^[1-9][0-9]{0,17}$', examples: ['1'], description: 'Numeric id' });

/** `/units/:unitKey/…` */
export const UnitOnlyParams = Type.Object({ unitKey: UnitKeyParam }, { additionalProperties: false });
/** `/units/:unitKey/members/:memberId…` */
export const MemberParams = Type.Object(
  { unitKey: UnitKeyParam, memberId: Id },
  { additionalProperties: false },
);
/** `/units/:unitKey/transfers/:transferId/…` */
export const TransferParams = Type.Object(
  { unitKey: UnitKeyParam, transferId: Id },
  { additionalProperties: false },
);
/** `/units/:unitKey/applications/:applicationId/…` */
export const ApplicationParams = Type.Object(
  { unitKey: UnitKeyParam, applicationId: Id },
  { additionalProperties: false },
);
/** `/units/:unitKey/member-imports/:importId/…` */
export const ImportParams = Type.Object(
  { unitKey: UnitKeyParam, importId: Id },
  { additionalProperties: false },
);
/** `/units/:unitKey/members/:memberId/trainings/:trainingId` */
export const TrainingParams = Type.Object(
  { unitKey: UnitKeyParam, memberId: Id, trainingId: Id },
  { additionalProperties: false },
);

// ---- members --------------------------------------------------------------------------------------------

/** Filters shared by the list and the export. */
const filterFields = {
  q: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Name or part of it (accents and tone placement optional), or 3+ digits of a phone',
      examples: ['nguyen thi hoa'],
    }),
  ),
  branch: Type.Optional(UnitKeyParam),
  ageBand: Type.Optional(AgeBand),
  ethnicity: Type.Optional(Type.String({ maxLength: 40 })),
  joinYear: Type.Optional(Type.Integer({ minimum: 1930, maximum: 2100 })),
  cardStatus: Type.Optional(CardStatus),
  role: Type.Optional(MemberRole),
  trained: Type.Optional(Type.Boolean()),
  honorary: Type.Optional(Type.Boolean()),
  status: Type.Optional(Type.Union([MemberStatus, Type.Literal('all')], { default: 'active' })),
};

/** `GET /units/:unitKey/members` query. */
export const MemberListQuery = Type.Object(
  {
    ...filterFields,
    sort: Type.Optional(MemberSort),
    cursor: Type.Optional(Type.String({ maxLength: 400, description: 'nextCursor of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    withTotal: Type.Optional(Type.Boolean({ description: 'Also count all matches (slower)' })),
  },
  { additionalProperties: false },
);

/** `GET /units/:unitKey/members/export` query. */
export const MemberExportQuery = Type.Object(
  { ...filterFields, sort: Type.Optional(MemberSort), format: Type.Enum(['xlsx', 'csv'] as const) },
  { additionalProperties: false, examples: [{ format: 'csv' }] },
);

/** A member as lists show her. */
export const MemberSummary = Type.Object(
  {
    id: Type.String(),
    memberKey: Type.String({ description: 'Pseudonymous stable key (what analytics sees)' }),
    fullName: Type.String(),
    dateOfBirth: Type.String({ format: 'date' }),
    gender: Gender,
    ethnicity: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    unitKey: Type.String(),
    unitName: Type.String(),
    joinedOn: Type.String({ format: 'date' }),
    cardStatus: CardStatus,
    roles: Type.Array(MemberRole),
    honorary: Type.Boolean(),
    trained: Type.Boolean(),
    status: MemberStatus,
  },
  { title: 'MemberSummary' },
);

/** `GET /units/:unitKey/members` answer. */
export const MemberListOut = Type.Object(
  {
    items: Type.Array(MemberSummary),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
    total: Type.Optional(
      Type.Integer({
        description: 'Matches (withTotal), counted up to 10,000 for a list, 1,000 for a search',
      }),
    ),
    totalCapped: Type.Optional(
      Type.Boolean({ description: 'true: the count stopped at its cap, there are more matches than total' }),
    ),
    query: Type.Union([Type.String(), Type.Null()], { description: 'The search as matched (folded)' }),
  },
  { title: 'MemberList' },
);

/** Editable fields of a member. */
const editable = {
  fullName: Type.String({ minLength: 1, maxLength: 120, examples: ['Nguyễn Thị Hoà'] }),
  dateOfBirth: Type.String({ maxLength: 10, examples: ['1985-03-14'], description: 'YYYY-MM-DD' }),
  gender: Gender,
  ethnicity: Type.String({ minLength: 1, maxLength: 40, examples: ['Kinh'] }),
  religion: Type.Union([Type.String({ maxLength: 60 }), Type.Null()]),
  phone: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
  address: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
  education: Type.Union([Type.String({ maxLength: 60 }), Type.Null()]),
  joinedOn: Type.String({ maxLength: 10, examples: ['2020-10-20'], description: 'YYYY-MM-DD' }),
  roles: Type.Array(MemberRole, { minItems: 1, maxItems: 3, uniqueItems: true }),
  honorary: Type.Boolean(),
};

/** `POST /units/:unitKey/members` body: the member is registered on `:unitKey` (a branch or commune). */
export const MemberCreate = Type.Object(
  {
    fullName: editable.fullName,
    dateOfBirth: editable.dateOfBirth,
    gender: Type.Optional(editable.gender),
    ethnicity: editable.ethnicity,
    religion: Type.Optional(editable.religion),
    phone: Type.Optional(editable.phone),
    address: Type.Optional(editable.address),
    education: Type.Optional(editable.education),
    joinedOn: editable.joinedOn,
    roles: Type.Optional(editable.roles),
    honorary: Type.Optional(editable.honorary),
  },
  {
    additionalProperties: false,
    examples: [
      { fullName: 'Nguyễn Thị Hoà', dateOfBirth: '1985-03-14', ethnicity: 'Kinh', joinedOn: '2020-10-20' },
    ],
  },
);

/** `PATCH /units/:unitKey/members/:memberId` body: changed fields plus the `version` that was read. */
export const MemberUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1, examples: [1] }),
    fullName: Type.Optional(editable.fullName),
    dateOfBirth: Type.Optional(editable.dateOfBirth),
    gender: Type.Optional(editable.gender),
    ethnicity: Type.Optional(editable.ethnicity),
    religion: Type.Optional(editable.religion),
    phone: Type.Optional(editable.phone),
    address: Type.Optional(editable.address),
    education: Type.Optional(editable.education),
    joinedOn: Type.Optional(editable.joinedOn),
    roles: Type.Optional(editable.roles),
    honorary: Type.Optional(editable.honorary),
    leftOn: Type.Optional(
      Type.Union([Type.String({ maxLength: 10 }), Type.Null()], {
        description: 'Set to record that she left',
      }),
    ),
  },
  { additionalProperties: false, examples: [{ version: 1, phone: '0912345678' }] },
);

/** One unit change of a member. */
export const HistoryEntry = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    kind: Type.Enum(['registered', 'transferred', 'merged', 'left', 'rejoined'] as const),
    fromUnitKey: Type.Union([Type.String(), Type.Null()]),
    toUnitKey: Type.Union([Type.String(), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'MemberHistoryEntry' },
);

/** A cadre's training record. */
export const TrainingOut = Type.Object(
  {
    id: Type.String(),
    memberId: Type.String(),
    topic: TrainingTopic,
    title: Type.Union([Type.String(), Type.Null()]),
    trainedOn: Type.String({ format: 'date' }),
    hours: Type.Union([Type.Number(), Type.Null()]),
    provider: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'TrainingRecord' },
);

/** `GET /units/:unitKey/members/:memberId` answer. */
export const MemberDetail = Type.Object(
  {
    ...MemberSummary.properties,
    religion: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    education: Type.Union([Type.String(), Type.Null()]),
    communeKey: Type.String(),
    provinceKey: Type.String(),
    leftOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
    mergedInto: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    history: Type.Array(HistoryEntry),
    trainings: Type.Array(TrainingOut),
    card: Type.Union([
      Type.Object({
        cardId: Type.String(),
        status: Type.Enum(['active', 'revoked'] as const),
        issuedAt: Type.String({ format: 'date-time' }),
        revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
      Type.Null(),
    ]),
    pendingTransfer: Type.Union([Type.String({ description: 'Id of a pending transfer' }), Type.Null()]),
  },
  { title: 'MemberDetail' },
);

export type MemberCreateBody = Static<typeof MemberCreate>;
export type MemberUpdateBody = Static<typeof MemberUpdate>;
export type MemberListQueryString = Static<typeof MemberListQuery>;
export type MemberExportQueryString = Static<typeof MemberExportQuery>;
export type MemberSummaryOut = Static<typeof MemberSummary>;
export type MemberDetailOut = Static<typeof MemberDetail>;
export type TrainingRecordOut = Static<typeof TrainingOut>;
export type HistoryEntryOut = Static<typeof HistoryEntry>;
