/**
 * The contest model shared by the rules and the routes (seed 000: "IT in organising member meetings").
 * A contest runs through ordered stages; each stage has a jury level, dates and a forwarding rule.
 */

/** Who may enter. */
export type Audience = 'cadre' | 'member' | 'honorary_member';
/** Individual or collective authorship. */
export type AuthorKind = 'individual' | 'collective';
/** How a contest decides: juries score, or members vote. */
export type ContestMode = 'jury' | 'public_vote';
/** Level of the jury of a stage (the 2025 structure has no district tier). */
export type JuryLevel = 'commune' | 'province' | 'central';

/** How many entries of each jury's group move on when a stage closes. */
export type ForwardRule = { mode: 'top'; count: number } | { mode: 'threshold'; minScore: number };

/** One stage: the jury level, dates (Vietnam calendar days, both inclusive) and the forwarding rule. */
export interface Stage {
  level: JuryLevel;
  /** First day, `YYYY-MM-DD`. */
  opensOn: string;
  /** Last day, `YYYY-MM-DD`: the stage closes at the end of this day (Vietnam time, UTC+7). */
  closesOn: string;
  forward: ForwardRule;
}

/** One rubric criterion. */
export interface Criterion {
  key: string;
  label: string;
  /** Relative weight (> 0). */
  weight: number;
  /** Highest score a judge may give (> 0). */
  maxScore: number;
}

/** One award tier, given in ranking order of the last stage. */
export interface AwardTier {
  key: string;
  label: string;
  /** How many entries receive it. */
  count: number;
}

/** Everything an organiser defines. */
export interface ContestDefinition {
  title: string;
  rules: string;
  mode: ContestMode;
  eligibility: { audiences: Audience[]; authorKinds: AuthorKind[] };
  stages: Stage[];
  criteria: Criterion[];
  awards: AwardTier[];
}

/** One judge's scores of one entry at one stage: criterion key → value. */
export type ScoreSheet = Readonly<Record<string, number>>;

/** Where an entry stands in ranking: its id, its submission time, its per-judge sheets. */
export interface ScoredEntry {
  id: number;
  /** Submission time in ms, the third tie-break. */
  submittedAt: number;
  sheets: readonly ScoreSheet[];
}
