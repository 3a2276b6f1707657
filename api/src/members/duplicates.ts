/**
 * Likely duplicates within a unit (the same folded name and birth date, or the same phone), and the merge of
 * two records into one: the kept record takes the chosen fields, the merged record's history, training
 * records and cards, and the merged record stays as a pointer (status `merged`), so nothing is lost.
 */
import type { Unit } from '@vwu/contracts';
import { apiError } from '../errors.js';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';
import { searchKey } from './search-text.js';
import { auditState, MEMBER_COLUMNS, type MemberRow } from './member-rows.js';
import { membersWithin } from './member-scope.js';
import { addHistory, findMember } from './member-store.js';
import type { MergeRequest } from './workflow-schemas.js';
import { audit, type WriteContext } from './write-context.js';

/** A group of likely duplicates. */
export interface DuplicateRows {
  reason: 'name_and_birth_date' | 'phone';
  rows: MemberRow[];
}

/** Groups of active members within `unit` that share name and birth date, or phone; at most `limit` groups. */
export async function findDuplicates(q: Queryable, unit: Unit, limit: number): Promise<DuplicateRows[]> {
  const p = new SqlParams();
  const within = membersWithin('m', unit, p);
  const max = p.add(limit);
  const { rows } = await q.query<{ reason: DuplicateRows['reason']; ids: number[] }>(
    `(SELECT 'name_and_birth_date' AS reason, array_agg(m.id ORDER BY m.id) AS ids FROM member m
       WHERE ${within} AND m.status = 'active' GROUP BY m.name_search, m.date_of_birth HAVING count(*) > 1
       ORDER BY min(m.id) LIMIT ${max})
     UNION ALL
     (SELECT 'phone' AS reason, array_agg(m.id ORDER BY m.id) AS ids FROM member m
       WHERE ${within} AND m.status = 'active' AND m.phone IS NOT NULL GROUP BY m.phone HAVING count(*) > 1
       ORDER BY min(m.id) LIMIT ${max})`,
    p.values,
  );
  const groups = rows.slice(0, limit);
  const ids = [...new Set(groups.flatMap((g) => g.ids.map(Number)))];
  if (ids.length === 0) return [];
  const members = await q.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM member m WHERE m.id = ANY ($1::bigint[])`,
    [ids],
  );
  const byId = new Map(members.rows.map((r) => [Number(r.id), r]));
  return groups.map((g) => ({
    reason: g.reason,
    rows: g.ids.map((id) => byId.get(Number(id)) as MemberRow),
  }));
}

const TAKE_COLUMN: Record<NonNullable<MergeRequest['takeFromMerged']>[number], keyof MemberRow> = {
  fullName: 'full_name',
  dateOfBirth: 'date_of_birth',
  phone: 'phone',
  address: 'address',
  ethnicity: 'ethnicity',
  religion: 'religion',
  education: 'education',
  joinedOn: 'joined_on',
};

/** What a merge makes and moves. */
export interface MergePlan {
  keep: MemberRow;
  merged: MemberRow;
  result: MemberRow;
  moved: { history: number; trainings: number; cards: number };
}

/**
 * Plans merging `request.mergeId` into `request.keepId`, both active members within `unit` (locked when
 * `lock`).
 *
 * @throws ApiError MERGE_INVALID for the same record, MEMBER_NOT_FOUND outside the unit, MEMBER_NOT_ACTIVE.
 */
export async function planMerge(
  q: Queryable,
  unit: Unit,
  request: MergeRequest,
  lock: boolean,
): Promise<MergePlan> {
  if (request.keepId === request.mergeId) throw apiError('MERGE_INVALID');
  // Lock in id order so that two merges of the same pair cannot deadlock.
  const ordered = [request.keepId, request.mergeId].sort((a, b) => Number(a) - Number(b));
  const found = new Map<string, MemberRow>();
  for (const id of ordered) {
    const row = await findMember(q, id, unit, lock);
    if (row === undefined) throw apiError('MEMBER_NOT_FOUND');
    if (row.status !== 'active') throw apiError('MEMBER_NOT_ACTIVE');
    found.set(id, row);
  }
  const keep = found.get(request.keepId) as MemberRow;
  const merged = found.get(request.mergeId) as MemberRow;
  const result: MemberRow = {
    ...keep,
    roles: [...new Set([...keep.roles, ...merged.roles])],
    honorary: keep.honorary || merged.honorary,
    trained: keep.trained || merged.trained,
    card_status:
      keep.card_status === 'active' || merged.card_status === 'active' ? 'active' : keep.card_status,
  };
  for (const field of request.takeFromMerged ?? []) {
    const column = TAKE_COLUMN[field];
    (result as unknown as Record<string, unknown>)[column] = merged[column];
  }
  result.name_search = searchKey(result.full_name);
  const counts = await q.query<{ history: number; trainings: number; cards: number }>(
    `SELECT (SELECT count(*)::int FROM member_history WHERE member_id = $1) AS history,
            (SELECT count(*)::int FROM member_training WHERE member_id = $1) AS trainings,
            (SELECT count(*)::int FROM member_card WHERE member_id = $1) AS cards`,
    [merged.id],
  );
  return { keep, merged, result, moved: counts.rows[0] ?? { history: 0, trainings: 0, cards: 0 } };
}

/** Carries out a {@link MergePlan} in the caller's transaction and audits it; returns the kept record. */
export async function applyMerge(tx: Queryable, ctx: WriteContext, plan: MergePlan): Promise<MemberRow> {
  const { keep, merged, result } = plan;
  const keepHasCard = await tx.query(
    'SELECT 1 FROM member_card WHERE member_id = $1 AND revoked_at IS NULL',
    [keep.id],
  );
  if (keepHasCard.rows.length > 0) {
    await tx.query(
      "UPDATE member_card SET revoked_at = $1, revoked_reason = 'merged' WHERE member_id = $2 AND revoked_at IS NULL",
      [ctx.at, merged.id],
    );
  }
  for (const table of ['member_history', 'member_training', 'member_card', 'member_import_row'] as const) {
    await tx.query(`UPDATE ${table} SET member_id = $1 WHERE member_id = $2`, [keep.id, merged.id]);
  }
  await tx.query('UPDATE member_application SET member_id = $1 WHERE member_id = $2', [keep.id, merged.id]);
  await tx.query(
    "UPDATE member_transfer SET status = 'cancelled', decision_reason = 'merged', decided_by = $1, decided_at = $2 WHERE member_id = $3 AND status = 'pending'",
    [ctx.actor, ctx.at, merged.id],
  );
  await tx.query(
    "UPDATE member SET status = 'merged', merged_into = $1, card_status = 'none', version = version + 1, updated_at = $2 WHERE id = $3",
    [keep.id, ctx.at, merged.id],
  );
  const { rows } = await tx.query<MemberRow>(
    `UPDATE member AS m SET full_name = $1, name_search = $2, date_of_birth = $3, phone = $4, address = $5, ethnicity = $6,
       religion = $7, education = $8, joined_on = $9, roles = $10, honorary = $11, trained = $12, card_status = $13,
       version = version + 1, updated_at = $14
     WHERE m.id = $15 RETURNING ${MEMBER_COLUMNS}`,
    [
      result.full_name,
      result.name_search,
      result.date_of_birth,
      result.phone,
      result.address,
      result.ethnicity,
      result.religion,
      result.education,
      result.joined_on,
      result.roles,
      result.honorary,
      result.trained,
      result.card_status,
      ctx.at,
      keep.id,
    ],
  );
  await addHistory(
    tx,
    ctx,
    keep.id,
    'merged',
    merged.unit_key,
    keep.unit_key,
    `merged record ${merged.member_key}`,
  );
  await audit(
    tx,
    ctx,
    'member.merge',
    'member',
    keep.id,
    { kept: auditState(keep), merged: auditState(merged) },
    { kept: auditState(rows[0] as MemberRow), mergedInto: keep.member_key, moved: plan.moved },
  );
  return rows[0] as MemberRow;
}
