// SQL of juries and scores (migrations/0040_contests.sql).
import type { Queryable } from '../store/store.js';

/** One jury seat. */
export interface JudgeRecord {
  stageIndex: number;
  juryUnit: string;
  userId: number;
  homeUnit: string;
  displayName: string;
}

/** One stored score. */
export interface ScoreRecord {
  entryId: number;
  stageIndex: number;
  judgeId: number;
  criterion: string;
  value: number;
  comment: string;
}

/** Jury seats of a contest. */
export async function listJudges(q: Queryable, contestId: number): Promise<JudgeRecord[]> {
  const { rows } = await q.query<{
    stage_index: number;
    jury_unit: string;
    user_id: number;
    home_unit: string;
    display_name: string;
  }>(
    `SELECT j.stage_index, j.jury_unit, j.user_id, j.home_unit, u.display_name
     FROM contest_judge j JOIN app_user u ON u.id = j.user_id
     WHERE j.contest_id = $1 ORDER BY j.stage_index, j.jury_unit, u.display_name`,
    [contestId],
  );
  return rows.map((r) => ({
    stageIndex: r.stage_index,
    juryUnit: r.jury_unit,
    userId: r.user_id,
    homeUnit: r.home_unit,
    displayName: r.display_name,
  }));
}

/** Seats a judge (or moves her seat at that stage). */
export async function upsertJudge(
  q: Queryable,
  contestId: number,
  seat: Omit<JudgeRecord, 'displayName'>,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO contest_judge (contest_id, stage_index, jury_unit, user_id, home_unit, assigned_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (contest_id, stage_index, user_id)
     DO UPDATE SET jury_unit = EXCLUDED.jury_unit, home_unit = EXCLUDED.home_unit, assigned_at = EXCLUDED.assigned_at`,
    [contestId, seat.stageIndex, seat.juryUnit, seat.userId, seat.homeUnit, now],
  );
}

/** Scores of a contest's entries. */
export async function listScores(q: Queryable, contestId: number): Promise<ScoreRecord[]> {
  const { rows } = await q.query<{
    entry_id: string | number;
    stage_index: number;
    judge_id: number;
    criterion_key: string;
    value: string | number;
    comment: string;
  }>(
    `SELECT s.entry_id, s.stage_index, s.judge_id, s.criterion_key, s.value, s.comment
     FROM contest_score s JOIN contest_entry e ON e.id = s.entry_id WHERE e.contest_id = $1`,
    [contestId],
  );
  return rows.map((r) => ({
    entryId: Number(r.entry_id),
    stageIndex: r.stage_index,
    judgeId: r.judge_id,
    criterion: r.criterion_key,
    value: Number(r.value),
    comment: r.comment,
  }));
}

/** Writes one score (new or replaced); returns the previous value and comment, if any. */
export async function upsertScore(
  q: Queryable,
  s: ScoreRecord,
  now: Date,
): Promise<{ value: number; comment: string } | undefined> {
  const { rows } = await q.query<{ value: string | number; comment: string }>(
    `SELECT value, comment FROM contest_score
     WHERE entry_id = $1 AND stage_index = $2 AND judge_id = $3 AND criterion_key = $4 FOR UPDATE`,
    [s.entryId, s.stageIndex, s.judgeId, s.criterion],
  );
  await q.query(
    `INSERT INTO contest_score (entry_id, stage_index, judge_id, criterion_key, value, comment, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (entry_id, stage_index, judge_id, criterion_key)
     DO UPDATE SET value = EXCLUDED.value, comment = EXCLUDED.comment, updated_at = EXCLUDED.updated_at`,
    [s.entryId, s.stageIndex, s.judgeId, s.criterion, s.value, s.comment, now],
  );
  const before = rows[0];
  return before === undefined ? undefined : { value: Number(before.value), comment: before.comment };
}
