// SQL of the contest tables (migrations/0040_contests.sql). Values always travel as parameters.
import type { Queryable } from '../store/store.js';
import type { ContestDefinition } from './domain/index.js';

/** A contest as stored, with the times its stages were closed (stage index → time). */
export interface ContestRecord {
  id: number;
  ownerUnit: string;
  definition: ContestDefinition;
  version: number;
  closes: Map<number, Date>;
}

interface ContestRow {
  id: string | number;
  owner_unit: string;
  definition: ContestDefinition;
  version: number;
}

async function closesOf(q: Queryable, ids: number[]): Promise<Map<number, Map<number, Date>>> {
  const { rows } = await q.query<{ contest_id: string | number; stage_index: number; closed_at: Date }>(
    'SELECT contest_id, stage_index, closed_at FROM contest_stage_close WHERE contest_id = ANY($1::bigint[])',
    [ids],
  );
  const out = new Map<number, Map<number, Date>>();
  for (const r of rows) {
    const id = Number(r.contest_id);
    if (!out.has(id)) out.set(id, new Map());
    out.get(id)!.set(r.stage_index, new Date(r.closed_at));
  }
  return out;
}

function toContest(row: ContestRow, closes: Map<number, Date> | undefined): ContestRecord {
  return {
    id: Number(row.id),
    ownerUnit: row.owner_unit,
    definition: row.definition,
    version: row.version,
    closes: closes ?? new Map(),
  };
}

/** One contest, or undefined; `forUpdate` locks its row for the rest of the transaction. */
export async function loadContest(
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<ContestRecord | undefined> {
  const lock = forUpdate ? ' FOR UPDATE' : '';
  const { rows } = await q.query<ContestRow>(
    `SELECT id, owner_unit, definition, version FROM contest WHERE id = $1${lock}`,
    [id],
  );
  const row = rows[0];
  if (row === undefined) return undefined;
  return toContest(row, (await closesOf(q, [id])).get(id));
}

/** Every contest, newest first (the caller filters by visibility). */
export async function listContests(q: Queryable): Promise<ContestRecord[]> {
  const { rows } = await q.query<ContestRow>(
    'SELECT id, owner_unit, definition, version FROM contest ORDER BY id DESC LIMIT 500',
  );
  const closes = await closesOf(
    q,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => toContest(r, closes.get(Number(r.id))));
}

/** Stores a new contest; returns its id. */
export async function insertContest(
  q: Queryable,
  input: { ownerUnit: string; definition: ContestDefinition; userId: number; now: Date },
): Promise<number> {
  const { rows } = await q.query<{ id: string | number }>(
    `INSERT INTO contest (owner_unit, definition, created_by, created_at, updated_at)
     VALUES ($1, $2::jsonb, $3, $4, $4) RETURNING id`,
    [input.ownerUnit, JSON.stringify(input.definition), input.userId, input.now],
  );
  return Number(rows[0]!.id);
}

/** Replaces a definition if the version matches; false when it does not. */
export async function updateContest(
  q: Queryable,
  id: number,
  version: number,
  definition: ContestDefinition,
  now: Date,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE contest SET definition = $3::jsonb, version = version + 1, updated_at = $4
     WHERE id = $1 AND version = $2`,
    [id, version, JSON.stringify(definition), now],
  );
  return rowCount === 1;
}

/** Marks a stage closed. */
export async function insertClose(
  q: Queryable,
  id: number,
  stage: number,
  userId: number,
  now: Date,
): Promise<void> {
  await q.query(
    'INSERT INTO contest_stage_close (contest_id, stage_index, closed_at, closed_by) VALUES ($1, $2, $3, $4)',
    [id, stage, now, userId],
  );
}

/** Moves entries up to a stage. */
export async function promoteEntries(q: Queryable, ids: number[], stage: number): Promise<void> {
  if (ids.length === 0) return;
  await q.query('UPDATE contest_entry SET stage_reached = $2 WHERE id = ANY($1::bigint[])', [ids, stage]);
}

/** Marks entries sent on by the last stage. */
export async function markForwarded(q: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query('UPDATE contest_entry SET forwarded = true WHERE id = ANY($1::bigint[])', [ids]);
}

/** Stores the awards of a contest. */
export async function insertAwards(
  q: Queryable,
  contestId: number,
  awards: { entryId: number; tier: string }[],
): Promise<void> {
  for (const [i, a] of awards.entries()) {
    await q.query(
      'INSERT INTO contest_award (contest_id, entry_id, tier, position) VALUES ($1, $2, $3, $4)',
      [contestId, a.entryId, a.tier, i + 1],
    );
  }
}

/** Awards of a contest in order. */
export async function listAwards(
  q: Queryable,
  contestId: number,
): Promise<{ entryId: number; tier: string; position: number }[]> {
  const { rows } = await q.query<{ entry_id: string | number; tier: string; position: number }>(
    'SELECT entry_id, tier, position FROM contest_award WHERE contest_id = $1 ORDER BY position',
    [contestId],
  );
  return rows.map((r) => ({ entryId: Number(r.entry_id), tier: r.tier, position: r.position }));
}

/** The jury groups closed on their own, as `stageIndex|juryUnit` keys. */
export async function listJuryCloses(q: Queryable, contestId: number): Promise<Set<string>> {
  const { rows } = await q.query<{ stage_index: number; jury_unit: string }>(
    'SELECT stage_index, jury_unit FROM contest_jury_close WHERE contest_id = $1',
    [contestId],
  );
  return new Set(rows.map((r) => juryKey(r.stage_index, r.jury_unit)));
}

/** The key of a jury group in {@link listJuryCloses}. */
export function juryKey(stageIndex: number, juryUnit: string): string {
  return `${stageIndex}|${juryUnit}`;
}

/** Records that one jury group of a stage is closed. */
export async function insertJuryClose(
  q: Queryable,
  close: { contestId: number; stageIndex: number; juryUnit: string; userId: number; now: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO contest_jury_close (contest_id, stage_index, jury_unit, closed_at, closed_by) VALUES ($1, $2, $3, $4, $5)',
    [close.contestId, close.stageIndex, close.juryUnit, close.now, close.userId],
  );
}
