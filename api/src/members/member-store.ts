/**
 * Member writes and reads of one record: register, edit, find within a unit, and the detail view (history,
 * card, trainings, pending transfer). Every write runs in the caller's transaction together with its
 * history row and its audit entry.
 */
import type { Hierarchy, Unit } from '@vwu/contracts';
import { apiError } from '../errors.js';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';
import type { MemberFields } from './member-fields.js';
import { auditState, detailBase, isoInstant, MEMBER_COLUMNS, type MemberRow } from './member-rows.js';
import { membersWithin, type MemberPlace } from './member-scope.js';
import type { HistoryEntryOut, MemberDetailOut, TrainingRecordOut } from './schemas.js';
import { audit, newMemberKey, type WriteContext } from './write-context.js';

/** Store columns of the editable fields. */
const COLUMN: Record<string, string> = {
  fullName: 'full_name',
  nameSearch: 'name_search',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  ethnicity: 'ethnicity',
  religion: 'religion',
  phone: 'phone',
  address: 'address',
  education: 'education',
  joinedOn: 'joined_on',
  leftOn: 'left_on',
  roles: 'roles',
  honorary: 'honorary',
};

/** The member `id` if she lies within `unit`, locked for update when `lock` (inside a transaction). */
export async function findMember(
  q: Queryable,
  id: string | number,
  unit: Unit,
  lock = false,
): Promise<MemberRow | undefined> {
  const p = new SqlParams();
  const { rows } = await q.query<MemberRow>(
    `SELECT ${MEMBER_COLUMNS} FROM member m WHERE m.id = ${p.add(id)}::bigint AND ${membersWithin('m', unit, p)}${lock ? ' FOR UPDATE' : ''}`,
    p.values,
  );
  return rows[0];
}

/** {@link findMember} or MEMBER_NOT_FOUND. */
export async function requireMember(
  q: Queryable,
  id: string | number,
  unit: Unit,
  lock = false,
): Promise<MemberRow> {
  const row = await findMember(q, id, unit, lock);
  if (row === undefined) throw apiError('MEMBER_NOT_FOUND');
  return row;
}

/** Adds a unit-change line to a member's history. */
export async function addHistory(
  tx: Queryable,
  ctx: WriteContext,
  memberId: number,
  kind: HistoryEntryOut['kind'],
  from: string | null,
  to: string | null,
  note: string | null = null,
): Promise<void> {
  await tx.query(
    `INSERT INTO member_history (member_id, at, kind, from_unit_key, to_unit_key, note, actor_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [memberId, ctx.at, kind, from, to, note, ctx.actor],
  );
}

/** Registers a member at `place` with checked `fields` (name, birth date, ethnicity and join date required). */
export async function createMember(
  tx: Queryable,
  ctx: WriteContext,
  place: MemberPlace,
  fields: MemberFields,
  action = 'member.create',
): Promise<MemberRow> {
  const { rows } = await tx.query<MemberRow>(
    `INSERT INTO member AS m (member_key, full_name, name_search, date_of_birth, gender, ethnicity, religion, phone,
       address, education, unit_key, commune_key, province_key, joined_on, roles, honorary, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
     RETURNING ${MEMBER_COLUMNS}`,
    [
      newMemberKey(),
      fields.fullName,
      fields.nameSearch,
      fields.dateOfBirth,
      fields.gender ?? 'female',
      fields.ethnicity,
      fields.religion ?? null,
      fields.phone ?? null,
      fields.address ?? null,
      fields.education ?? null,
      place.unitKey,
      place.communeKey,
      place.provinceKey,
      fields.joinedOn,
      fields.roles ?? ['member'],
      fields.honorary ?? false,
      ctx.at,
    ],
  );
  const row = rows[0] as MemberRow;
  await addHistory(tx, ctx, row.id, 'registered', null, place.unitKey);
  await audit(tx, ctx, action, 'member', row.id, null, auditState(row));
  return row;
}

/**
 * Applies checked `fields` to `row` if its version is still `version`; records leaving (`leftOn`) in the
 * history. The audit entry names the changed fields, not their personal values.
 *
 * @throws ApiError MEMBER_VERSION_CONFLICT when someone saved in between; MEMBER_NOT_ACTIVE for a merged record.
 */
export async function updateMember(
  tx: Queryable,
  ctx: WriteContext,
  row: MemberRow,
  fields: MemberFields,
  version: number,
): Promise<MemberRow> {
  if (row.status === 'merged') throw apiError('MEMBER_NOT_ACTIVE');
  if (row.version !== version) throw apiError('MEMBER_VERSION_CONFLICT');
  const p = new SqlParams();
  const sets: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    const column = COLUMN[field];
    if (column !== undefined) sets.push(`${column} = ${p.add(value)}`);
  }
  if (fields.leftOn !== undefined) sets.push(`status = ${p.add(fields.leftOn === null ? 'active' : 'left')}`);
  sets.push(`version = version + 1`, `updated_at = ${p.add(ctx.at)}`);
  const { rows } = await tx.query<MemberRow>(
    `UPDATE member AS m SET ${sets.join(', ')} WHERE m.id = ${p.add(row.id)} AND m.version = ${p.add(version)}
     RETURNING ${MEMBER_COLUMNS}`,
    p.values,
  );
  const updated = rows[0];
  if (updated === undefined) throw apiError('MEMBER_VERSION_CONFLICT');
  if (fields.leftOn !== undefined && (row.left_on === null) !== (fields.leftOn === null)) {
    const kind = fields.leftOn === null ? 'rejoined' : 'left';
    await addHistory(tx, ctx, row.id, kind, row.unit_key, row.unit_key);
  }
  const changed = Object.keys(fields).filter((f) => f !== 'nameSearch');
  await audit(tx, ctx, 'member.update', 'member', row.id, auditState(row), {
    ...auditState(updated),
    changed,
  });
  return updated;
}

/** The detail view of a member: the row plus history, card, trainings and a pending transfer. */
export async function memberDetail(
  q: Queryable,
  row: MemberRow,
  hierarchy: Hierarchy,
): Promise<MemberDetailOut> {
  const [history, trainings, card, transfer] = await Promise.all([
    q.query<{
      at: Date;
      kind: HistoryEntryOut['kind'];
      from_unit_key: string | null;
      to_unit_key: string | null;
      note: string | null;
    }>(
      'SELECT at, kind, from_unit_key, to_unit_key, note FROM member_history WHERE member_id = $1 ORDER BY at, id',
      [row.id],
    ),
    memberTrainings(q, row.id),
    q.query<{ card_id: string; issued_at: Date; revoked_at: Date | null }>(
      'SELECT card_id, issued_at, revoked_at FROM member_card WHERE member_id = $1 ORDER BY issued_at DESC, id DESC LIMIT 1',
      [row.id],
    ),
    q.query<{ id: number }>("SELECT id FROM member_transfer WHERE member_id = $1 AND status = 'pending'", [
      row.id,
    ]),
  ]);
  const c = card.rows[0];
  return {
    ...detailBase(row, hierarchy),
    history: history.rows.map((h) => ({
      at: isoInstant(h.at),
      kind: h.kind,
      fromUnitKey: h.from_unit_key,
      toUnitKey: h.to_unit_key,
      note: h.note,
    })),
    trainings,
    card:
      c === undefined
        ? null
        : {
            cardId: c.card_id,
            status: c.revoked_at === null ? 'active' : 'revoked',
            issuedAt: isoInstant(c.issued_at),
            revokedAt: c.revoked_at === null ? null : isoInstant(c.revoked_at),
          },
    pendingTransfer: transfer.rows[0] === undefined ? null : String(transfer.rows[0].id),
  };
}

/** A training row as read. */
export interface TrainingRow {
  id: number;
  member_id: number;
  topic: TrainingRecordOut['topic'];
  title: string | null;
  trained_on: string;
  hours: number | null;
  provider: string | null;
}

/** A training row as the API shows it. */
export function trainingView(r: TrainingRow): TrainingRecordOut {
  return {
    id: String(r.id),
    memberId: String(r.member_id),
    topic: r.topic,
    title: r.title,
    trainedOn: r.trained_on,
    hours: r.hours,
    provider: r.provider,
  };
}

/** A member's training records, oldest first. */
export async function memberTrainings(q: Queryable, memberId: number): Promise<TrainingRecordOut[]> {
  const { rows } = await q.query<TrainingRow>(
    'SELECT id, member_id, topic, title, trained_on, hours, provider FROM member_training WHERE member_id = $1 ORDER BY trained_on, id',
    [memberId],
  );
  return rows.map(trainingView);
}
