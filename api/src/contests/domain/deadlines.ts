import type { Stage } from './types.js';

/** Vietnam is UTC+7 all year: stage days are Vietnam calendar days. */
const VIETNAM_OFFSET = '+07:00';
const DAY_MS = 86_400_000;

/**
 * Where a stage stands at a moment: before its first day, open, past its last day but not yet closed by the
 * organiser (scores frozen, corrections still possible), or closed (promotion done).
 */
export type StageStatus = 'upcoming' | 'open' | 'deadline_passed' | 'closed';

/** Why a write is refused by the calendar. */
export type DeadlineRefusal =
  | 'not_open_yet'
  | 'deadline_passed'
  | 'stage_closed'
  | 'stage_still_open'
  | 'previous_stage_open'
  | 'reason_required';

/**
 * The stage's window in ms: from 00:00 of its first day to 00:00 after its last day (exclusive), Vietnam time.
 *
 * @example stageWindow({ opensOn: '2024-01-31', closesOn: '2024-04-08', … }).closesAt // Date.parse('2024-04-09T00:00:00+07:00')
 */
export function stageWindow(stage: Pick<Stage, 'opensOn' | 'closesOn'>): {
  opensAt: number;
  closesAt: number;
} {
  return {
    opensAt: Date.parse(`${stage.opensOn}T00:00:00${VIETNAM_OFFSET}`),
    closesAt: Date.parse(`${stage.closesOn}T00:00:00${VIETNAM_OFFSET}`) + DAY_MS,
  };
}

/**
 * The stage's status at `now`; `closedAt` is when the organiser closed it (null while not closed).
 *
 * @example stageStatus(stage, null, Date.parse('2024-04-09T08:00:00+07:00')) // 'deadline_passed'
 */
export function stageStatus(stage: Stage, closedAt: number | null, now: number): StageStatus {
  if (closedAt !== null) return 'closed';
  const { opensAt, closesAt } = stageWindow(stage);
  if (now < opensAt) return 'upcoming';
  return now < closesAt ? 'open' : 'deadline_passed';
}

function refusalOutsideOpen(status: StageStatus): DeadlineRefusal | null {
  if (status === 'open') return null;
  if (status === 'upcoming') return 'not_open_yet';
  return status === 'closed' ? 'stage_closed' : 'deadline_passed';
}

/**
 * Whether an entry may be submitted, edited or withdrawn: only while the first stage is open (a late
 * submission is refused, even before the organiser closes the stage).
 */
export function entryEditRefusal(firstStage: StageStatus): DeadlineRefusal | null {
  return refusalOutsideOpen(firstStage);
}

/** Whether a judge may score at a stage: only while it is open; scores freeze at the deadline. */
export function scoringRefusal(stage: StageStatus): DeadlineRefusal | null {
  return refusalOutsideOpen(stage);
}

/**
 * Whether an organiser may correct a score: from the stage's first day until it is closed, and only with a
 * reason (at least 10 characters once trimmed), which goes to the audit log.
 */
export function correctionRefusal(stage: StageStatus, reason: string): DeadlineRefusal | null {
  if (stage === 'upcoming') return 'not_open_yet';
  if (stage === 'closed') return 'stage_closed';
  return reason.trim().length >= 10 ? null : 'reason_required';
}

/**
 * Whether an organiser may close a stage (and promote): only after its deadline, and only once every earlier
 * stage is closed.
 */
export function closeRefusal(stage: StageStatus, earlierAllClosed: boolean): DeadlineRefusal | null {
  if (!earlierAllClosed) return 'previous_stage_open';
  if (stage === 'closed') return 'stage_closed';
  return stage === 'deadline_passed' ? null : 'stage_still_open';
}
