/**
 * Schemas of the member workflows: transfers, applications, duplicates and merge, smart cards, import, and
 * training records. The route list and the member schemas are in `schemas.ts`.
 */
import { Type, type Static } from 'typebox';
import { UnitKeyParam } from '../http/schemas.js';
import { FieldProblem, Gender, MemberSummary, TrainingOut, TrainingTopic } from './schemas.js';

const DateText = Type.String({ maxLength: 10, description: 'YYYY-MM-DD', examples: ['2025-09-01'] });
const Reason = Type.String({ minLength: 3, maxLength: 500, examples: ['Chuyển đến nơi làm việc mới'] });

// ---- transfers ------------------------------------------------------------------------------------------

/** Transfer state. */
export const TransferStatus = Type.Enum(['pending', 'accepted', 'rejected', 'cancelled'] as const);

/** `POST /units/:unitKey/members/:memberId/transfers` body. */
export const TransferCreate = Type.Object(
  { toUnitKey: UnitKeyParam, reason: Type.Optional(Reason) },
  { additionalProperties: false, examples: [{ toUnitKey: '2025:00004' }] },
);

/** A transfer as both units see it (the member's name only; no other personal data crosses). */
export const TransferOut = Type.Object(
  {
    id: Type.String(),
    memberId: Type.String(),
    memberName: Type.String(),
    fromUnitKey: Type.String(),
    fromUnitName: Type.String(),
    toUnitKey: Type.String(),
    toUnitName: Type.String(),
    status: TransferStatus,
    reason: Type.Union([Type.String(), Type.Null()]),
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    requestedAt: Type.String({ format: 'date-time' }),
    decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Transfer' },
);

/** `GET /units/:unitKey/transfers` query. */
export const TransferListQuery = Type.Object(
  {
    direction: Type.Optional(Type.Enum(['incoming', 'outgoing'] as const, { default: 'incoming' })),
    status: Type.Optional(TransferStatus),
  },
  { additionalProperties: false },
);

/** `GET /units/:unitKey/transfers` answer. */
export const TransferListOut = Type.Object({ items: Type.Array(TransferOut) }, { title: 'Transfers' });

/** `POST …/transfers/:transferId/reject` body (also applications' reject). */
export const RejectBody = Type.Object(
  { reason: Reason },
  { additionalProperties: false, examples: [{ reason: 'Không đúng địa bàn cư trú' }] },
);

// ---- applications ---------------------------------------------------------------------------------------

/** Where an application came from. */
export const ApplicationSource = Type.Enum(['online_group', 'non_member', 'walk_in'] as const);
/** Application state. */
export const ApplicationStatus = Type.Enum(['pending', 'approved', 'rejected'] as const);

/** `POST /units/:unitKey/applications` body (the unit is the commune or branch applied to). */
export const ApplicationCreate = Type.Object(
  {
    fullName: Type.String({ minLength: 1, maxLength: 120 }),
    dateOfBirth: DateText,
    gender: Type.Optional(Gender),
    ethnicity: Type.Optional(Type.String({ maxLength: 40 })),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    source: ApplicationSource,
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  {
    additionalProperties: false,
    examples: [{ fullName: 'Lò Thị Mai', dateOfBirth: '1999-05-02', source: 'online_group' }],
  },
);

/** An application. */
export const ApplicationOut = Type.Object(
  {
    id: Type.String(),
    unitKey: Type.String(),
    fullName: Type.String(),
    dateOfBirth: Type.String(),
    gender: Gender,
    ethnicity: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    source: ApplicationSource,
    note: Type.Union([Type.String(), Type.Null()]),
    status: ApplicationStatus,
    decisionReason: Type.Union([Type.String(), Type.Null()]),
    memberId: Type.Union([Type.String(), Type.Null()], { description: 'The member created on approval' }),
    submittedAt: Type.String({ format: 'date-time' }),
    decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Application' },
);

/** `GET /units/:unitKey/applications` query. */
export const ApplicationListQuery = Type.Object(
  { status: Type.Optional(ApplicationStatus) },
  { additionalProperties: false },
);

/** `GET /units/:unitKey/applications` answer. */
export const ApplicationListOut = Type.Object(
  { items: Type.Array(ApplicationOut) },
  { title: 'Applications' },
);

/** `POST …/applications/:applicationId/approve` body: the branch (within `:unitKey`) she joins. */
export const ApplicationApprove = Type.Object(
  {
    branchKey: UnitKeyParam,
    joinedOn: Type.Optional(DateText),
    ethnicity: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false, examples: [{ branchKey: '2025:25459-01' }] },
);

// ---- duplicates and merge -------------------------------------------------------------------------------

/** One group of likely duplicates. */
export const DuplicateGroup = Type.Object(
  {
    reason: Type.Enum(['name_and_birth_date', 'phone'] as const),
    members: Type.Array(MemberSummary, { minItems: 2 }),
  },
  { title: 'DuplicateGroup' },
);

/** `GET /units/:unitKey/members/duplicates` query and answer. */
export const DuplicateQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);
export const DuplicateListOut = Type.Object({ groups: Type.Array(DuplicateGroup) }, { title: 'Duplicates' });

/** Merge request: `keepId` survives, `mergeId` is folded into it (its history, trainings and cards move). */
export const MergeBody = Type.Object(
  {
    keepId: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }),
    mergeId: Type.String({ pattern: '^[1-9][0-9]{0,17}$' }),
    /** Fields to take from the merged record instead of the kept one. */
    takeFromMerged: Type.Optional(
      Type.Array(
        Type.Enum([
          'fullName',
          'dateOfBirth',
          'phone',
          'address',
          'ethnicity',
          'religion',
          'education',
          'joinedOn',
        ] as const),
        { uniqueItems: true },
      ),
    ),
  },
  { additionalProperties: false, examples: [{ keepId: '1', mergeId: '2' }] },
);

/** Merge preview and merge answer: the record as it will be (or is), and what moves. */
export const MergeOut = Type.Object(
  {
    result: MemberSummary,
    moved: Type.Object({ history: Type.Integer(), trainings: Type.Integer(), cards: Type.Integer() }),
    applied: Type.Boolean({ description: 'false for a preview' }),
  },
  { title: 'Merge' },
);

// ---- smart card -----------------------------------------------------------------------------------------

/** Issue answer: the token is what the QR code carries. Shown once; only its id is stored. */
export const CardIssued = Type.Object(
  {
    cardId: Type.String(),
    token: Type.String({ description: 'Signed token, the QR payload' }),
    qrPayload: Type.String({ description: 'Text to encode in the QR code' }),
    issuedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'CardIssued' },
);

/** `POST …/card/revoke` body. */
export const CardRevoke = Type.Object(
  { reason: Type.Optional(Reason) },
  { additionalProperties: false, examples: [{}] },
);

/** `GET /cards/verify` query. */
export const CardVerifyQuery = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 512, examples: ['VWC1.x.y'] }) },
  { additionalProperties: false },
);

/** Verification answer: no personal data. */
export const CardVerifyOut = Type.Object(
  {
    status: Type.Enum(['valid', 'revoked', 'unknown'] as const),
    checkedAt: Type.String({ format: 'date-time' }),
    issuedAt: Type.Optional(Type.String({ format: 'date-time', description: 'When known' })),
  },
  { title: 'CardVerification' },
);

// ---- import ---------------------------------------------------------------------------------------------

/** Member fields an import column can map to. */
export const ImportField = Type.Enum([
  'fullName',
  'dateOfBirth',
  'gender',
  'ethnicity',
  'religion',
  'phone',
  'address',
  'education',
  'joinedOn',
  'branch',
  'roles',
  'honorary',
  'ignore',
] as const);

/** Upload answer: what the file holds and the mapping we suggest. */
export const ImportPreviewOut = Type.Object(
  {
    importId: Type.String(),
    fileName: Type.String(),
    rowCount: Type.Integer(),
    headers: Type.Array(Type.String()),
    suggestedMapping: Type.Record(Type.String(), ImportField),
    sampleRows: Type.Array(Type.Array(Type.String()), { description: 'First rows as text' }),
  },
  { title: 'ImportPreview' },
);

/** `POST …/member-imports/:importId/commit` body: header → field; rows without a branch go to `:unitKey`. */
export const ImportCommit = Type.Object(
  {
    mapping: Type.Record(Type.String({ maxLength: 200 }), ImportField),
    dryRun: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, examples: [{ mapping: { 'Họ và tên': 'fullName' }, dryRun: true }] },
);

/** One rejected row (1-based row number in the file, header = row 1). */
export const ImportRowError = Type.Object(
  { row: Type.Integer(), problems: Type.Array(FieldProblem) },
  { title: 'ImportRowError' },
);

/** Commit answer. */
export const ImportResultOut = Type.Object(
  {
    importId: Type.String(),
    dryRun: Type.Boolean(),
    rows: Type.Integer(),
    inserted: Type.Integer(),
    alreadyImported: Type.Integer({
      description: 'Rows whose fingerprint was imported before (no duplicate made)',
    }),
    failed: Type.Integer(),
    errors: Type.Array(ImportRowError, { description: 'First 1,000 rejected rows' }),
    errorFile: Type.Union([Type.String({ description: 'URL of the bad rows as a file' }), Type.Null()]),
  },
  { title: 'ImportResult' },
);

/** `GET …/member-imports/:importId/errors` query. */
export const ImportErrorsQuery = Type.Object(
  { format: Type.Optional(Type.Enum(['xlsx', 'csv'] as const, { default: 'xlsx' })) },
  { additionalProperties: false },
);

// ---- trainings ------------------------------------------------------------------------------------------

/** `POST …/trainings` body. */
export const TrainingCreate = Type.Object(
  {
    topic: TrainingTopic,
    title: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    trainedOn: DateText,
    hours: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 1000 }), Type.Null()])),
    provider: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false, examples: [{ topic: 'digital_skills', trainedOn: '2025-08-15' }] },
);

/** `PATCH …/trainings/:trainingId` body. */
export const TrainingUpdate = Type.Partial(TrainingCreate, {
  additionalProperties: false,
  examples: [{ hours: 4 }],
});

/** `GET /units/:unitKey/trainings` query. */
export const TrainingListQuery = Type.Object(
  {
    topic: Type.Optional(TrainingTopic),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })),
  },
  { additionalProperties: false },
);

/** Training records with the trained member's name, plus counts for the training targets. */
export const TrainingListOut = Type.Object(
  {
    items: Type.Array(
      Type.Object({ ...TrainingOut.properties, memberName: Type.String(), unitKey: Type.String() }),
    ),
    totals: Type.Object({ records: Type.Integer(), membersTrained: Type.Integer() }),
  },
  { title: 'TrainingRecords' },
);

/** A member's training records. */
export const MemberTrainingsOut = Type.Object(
  { items: Type.Array(TrainingOut) },
  { title: 'MemberTrainings' },
);

export type TransferCreateBody = Static<typeof TransferCreate>;
export type ApplicationCreateBody = Static<typeof ApplicationCreate>;
export type MergeRequest = Static<typeof MergeBody>;
export type ImportCommitBody = Static<typeof ImportCommit>;
export type TrainingCreateBody = Static<typeof TrainingCreate>;
export type TrainingUpdateBody = Static<typeof TrainingUpdate>;
export type TransferView = Static<typeof TransferOut>;
export type ApplicationView = Static<typeof ApplicationOut>;
export type ImportFieldName = Static<typeof ImportField>;
