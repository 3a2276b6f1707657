// The contest rules, pure: scoring and ranking, promotion and awards, deadlines, conflict of interest.
export { hasConflict } from './conflict.js';
export {
  closeRefusal,
  correctionRefusal,
  entryEditRefusal,
  scoringRefusal,
  stageStatus,
  stageWindow,
} from './deadlines.js';
export { awards, promote, promoteGroups } from './promotion.js';
export { aggregate, isComplete, rank, sheetTotal, TRIM_FROM_JUDGES } from './scoring.js';
export { definitionProblems } from './validate.js';

export type { Within } from './conflict.js';
export type { DeadlineRefusal, StageStatus } from './deadlines.js';
export type { Award } from './promotion.js';
export type { Standing } from './scoring.js';
export type {
  Audience,
  AuthorKind,
  AwardTier,
  ContestDefinition,
  ContestMode,
  Criterion,
  ForwardRule,
  JuryLevel,
  ScoreSheet,
  ScoredEntry,
  Stage,
} from './types.js';
export type { DefinitionProblem } from './validate.js';
