/**
 * Contest (thi đua) events: entries submitted, scored at a stage, promoted to the next level and awarded.
 * Participation counts per unit come from `contest.entry_submitted`.
 */
import { Type } from 'typebox';
import { defineEvent } from './envelope.js';
import { ContestIdSchema, attrsSchema } from './fields.js';

const StageSchema = Type.Integer({ minimum: 1, maximum: 100 });

/** An entry submitted to a contest stage. */
export const ContestEntrySubmittedV1 = defineEvent(
  'contest.entry_submitted',
  1,
  attrsSchema({ contest_id: ContestIdSchema, entry_id: ContestIdSchema, stage: StageSchema }),
  'A contest entry submitted at a stage.',
);

/** An entry's score at a stage: the jury's score from 0 to 100 and how many judges scored it. */
export const ContestEntryScoredV1 = defineEvent(
  'contest.entry_scored',
  1,
  attrsSchema({
    contest_id: ContestIdSchema,
    entry_id: ContestIdSchema,
    stage: StageSchema,
    score: Type.Number({ minimum: 0, maximum: 100 }),
    judges: Type.Integer({ minimum: 1, maximum: 1000 }),
  }),
  'A contest entry scored at a stage by a jury.',
);

/** An entry forwarded from a stage to the next level's jury. */
export const ContestEntryPromotedV1 = defineEvent(
  'contest.entry_promoted',
  1,
  attrsSchema({
    contest_id: ContestIdSchema,
    entry_id: ContestIdSchema,
    from_stage: StageSchema,
    to_level: Type.Enum(['commune', 'province', 'central']),
  }),
  'A contest entry promoted from a stage to the commune, province or central level.',
);

/** A prize or commendation awarded to an entry. */
export const ContestEntryAwardedV1 = defineEvent(
  'contest.entry_awarded',
  1,
  attrsSchema({
    contest_id: ContestIdSchema,
    entry_id: ContestIdSchema,
    tier: Type.Enum(['first', 'second', 'third', 'consolation', 'commendation']),
  }),
  'A contest entry awarded a prize tier or a commendation.',
);
