// The members API's request and answer types, taken from the API's own TypeBox schemas (type-only: nothing of
// the API is bundled). A change of the schemas breaks this module's type check, not its users.
import type { Static } from 'typebox';
import type {
  AgeBand,
  CardStatus,
  FieldProblem,
  MemberCreate,
  MemberDetail,
  MemberExportQuery,
  MemberListOut,
  MemberListQuery,
  MemberRole,
  MemberSort,
  MemberSummary,
  MemberUpdate,
  TrainingOut,
  TrainingTopic,
} from '../../../api/src/members/schemas.js';
import type {
  ApplicationApprove,
  ApplicationCreate,
  ApplicationOut,
  ApplicationSource,
  CardIssued,
  CardVerifyOut,
  DuplicateGroup,
  ImportField,
  ImportPreviewOut,
  ImportResultOut,
  ImportRowError,
  MergeBody,
  MergeOut,
  TrainingCreate,
  TrainingListOut,
  TransferOut,
  TransferStatus,
} from '../../../api/src/members/workflow-schemas.js';

export type AgeBandName = Static<typeof AgeBand>;
export type CardStatusName = Static<typeof CardStatus>;
export type MemberRoleName = Static<typeof MemberRole>;
export type MemberSortKey = Static<typeof MemberSort>;
export type TrainingTopicName = Static<typeof TrainingTopic>;
export type FieldProblemOut = Static<typeof FieldProblem>;
export type MemberListQueryIn = Static<typeof MemberListQuery>;
export type MemberExportQueryIn = Static<typeof MemberExportQuery>;
export type MemberListPage = Static<typeof MemberListOut>;
export type MemberRow = Static<typeof MemberSummary>;
export type MemberFull = Static<typeof MemberDetail>;
export type MemberCreateIn = Static<typeof MemberCreate>;
export type MemberUpdateIn = Static<typeof MemberUpdate>;
export type TrainingRecord = Static<typeof TrainingOut>;
export type TrainingCreateIn = Static<typeof TrainingCreate>;
export type TrainingList = Static<typeof TrainingListOut>;
export type Transfer = Static<typeof TransferOut>;
export type TransferStatusName = Static<typeof TransferStatus>;
export type Application = Static<typeof ApplicationOut>;
export type ApplicationSourceName = Static<typeof ApplicationSource>;
export type ApplicationCreateIn = Static<typeof ApplicationCreate>;
export type ApplicationApproveIn = Static<typeof ApplicationApprove>;
export type DuplicateSet = Static<typeof DuplicateGroup>;
export type MergeIn = Static<typeof MergeBody>;
export type MergeResult = Static<typeof MergeOut>;
export type IssuedCard = Static<typeof CardIssued>;
export type CardCheck = Static<typeof CardVerifyOut>;
export type ImportFieldName = Static<typeof ImportField>;
export type ImportPreview = Static<typeof ImportPreviewOut>;
export type ImportResult = Static<typeof ImportResultOut>;
export type ImportRowProblem = Static<typeof ImportRowError>;
