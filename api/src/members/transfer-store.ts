/**
 * Transfers of members between units (migrant members): proposed by the sending unit, accepted or refused
 * by the receiving unit, withdrawn by the sender. The member keeps one record: accepting moves it and adds a
 * history line. A transfer inside the proposer's own scope needs nobody else's acceptance and is done at once.
 */
import type { Hierarchy, Unit } from '@vwu/contracts';
import { scopeCondition } from '../access/scope.js';
import { apiError } from '../errors.js';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';
import { auditState, isoInstant, MEMBER_COLUMNS, unitName, type MemberRow } from './member-rows.js';
import type { MemberPlace } from './member-scope.js';
import { addHistory } from './member-store.js';
import type { TransferView } from './workflow-schemas.js';
import { audit, type WriteContext } from './write-context.js';

interface TransferRow {
  id: number;
  member_id: number;
  member_name: string;
  from_unit_key: string;
  to_unit_key: string;
  status: TransferView['status'];
  reason: string | null;
  decision_reason: string | null;
  requested_at: Date;
  decided_at: Date | null;
}

const COLUMNS = `t.id, t.member_id, m.full_name AS member_name, t.from_unit_key, t.to_unit_key, t.status, t.reason,
  t.decision_reason, t.requested_at, t.decided_at`;

function view(row: TransferRow, hierarchy: Hierarchy): TransferView {
  return {
    id: String(row.id),
    memberId: String(row.member_id),
    memberName: row.member_name,
    fromUnitKey: row.from_unit_key,
    fromUnitName: unitName(hierarchy, row.from_unit_key),
    toUnitKey: row.to_unit_key,
    toUnitName: unitName(hierarchy, row.to_unit_key),
    status: row.status,
    reason: row.reason,
    decisionReason: row.decision_reason,
    requestedAt: isoInstant(row.requested_at),
    decidedAt: row.decided_at === null ? null : isoInstant(row.decided_at),
  };
}

/** Moves a member to `to`, with a history line and an audit entry. */
async function moveMember(
  tx: Queryable,
  ctx: WriteContext,
  member: MemberRow,
  to: MemberPlace,
  note: string | null,
) {
  const { rows } = await tx.query<MemberRow>(
    `UPDATE member AS m SET unit_key = $1, commune_key = $2, province_key = $3, version = version + 1, updated_at = $4
      WHERE m.id = $5 RETURNING ${MEMBER_COLUMNS}`,
    [to.unitKey, to.communeKey, to.provinceKey, ctx.at, member.id],
  );
  await addHistory(tx, ctx, member.id, 'transferred', member.unit_key, to.unitKey, note);
  await audit(
    tx,
    ctx,
    'member.transfer',
    'member',
    member.id,
    auditState(member),
    auditState(rows[0] as MemberRow),
  );
}

/**
 * Proposes moving `member` to `to`; when `autoAccept` (the destination lies in the proposer's scope) the
 * move is made at once.
 *
 * @throws ApiError TRANSFER_SAME_UNIT, MEMBER_NOT_ACTIVE, TRANSFER_ALREADY_PENDING.
 */
export async function proposeTransfer(
  tx: Queryable,
  ctx: WriteContext,
  member: MemberRow,
  to: MemberPlace,
  reason: string | null,
  autoAccept: boolean,
  hierarchy: Hierarchy,
): Promise<TransferView> {
  if (member.status !== 'active') throw apiError('MEMBER_NOT_ACTIVE');
  if (member.unit_key === to.unitKey) throw apiError('TRANSFER_SAME_UNIT');
  const pending = await tx.query(
    "SELECT 1 FROM member_transfer WHERE member_id = $1 AND status = 'pending'",
    [member.id],
  );
  if (pending.rows.length > 0) throw apiError('TRANSFER_ALREADY_PENDING');
  const status = autoAccept ? 'accepted' : 'pending';
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO member_transfer (member_id, from_unit_key, to_unit_key, to_commune_key, to_province_key, status,
       reason, requested_by, requested_at, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      member.id,
      member.unit_key,
      to.unitKey,
      to.communeKey,
      to.provinceKey,
      status,
      reason,
      ctx.actor,
      ctx.at,
      autoAccept ? ctx.actor : null,
      autoAccept ? ctx.at : null,
    ],
  );
  const id = (rows[0] as { id: number }).id;
  await audit(tx, ctx, 'member_transfer.propose', 'member_transfer', id, null, {
    memberKey: member.member_key,
    from: member.unit_key,
    to: to.unitKey,
    status,
  });
  if (autoAccept) await moveMember(tx, ctx, member, to, reason);
  return requireTransfer(tx, id, 'any', null, hierarchy);
}

/** Transfers into (`incoming`) or out of (`outgoing`) `unit`, newest first. */
export async function listTransfers(
  q: Queryable,
  unit: Unit,
  direction: 'incoming' | 'outgoing',
  status: TransferView['status'] | undefined,
  hierarchy: Hierarchy,
): Promise<TransferView[]> {
  const p = new SqlParams();
  const side = direction === 'incoming' ? 't.to_unit_key' : 't.from_unit_key';
  const conditions = [scopeCondition('u', unit, p)];
  if (status !== undefined) conditions.push(`t.status = ${p.add(status)}`);
  const { rows } = await q.query<TransferRow>(
    `SELECT ${COLUMNS} FROM member_transfer t JOIN member m ON m.id = t.member_id JOIN org_unit u ON u.key = ${side}
      WHERE ${conditions.join(' AND ')} ORDER BY t.requested_at DESC, t.id DESC LIMIT 500`,
    p.values,
  );
  return rows.map((r) => view(r, hierarchy));
}

/**
 * The transfer `id` whose receiving (`'to'`) or sending (`'from'`) unit lies within `unit`.
 *
 * @throws ApiError TRANSFER_NOT_FOUND.
 */
export async function requireTransfer(
  q: Queryable,
  id: string | number,
  side: 'to' | 'from' | 'any',
  unit: Unit | null,
  hierarchy: Hierarchy,
  lock = false,
): Promise<TransferView> {
  const p = new SqlParams();
  const conditions = [`t.id = ${p.add(id)}::bigint`];
  if (side !== 'any' && unit !== null) conditions.push(scopeCondition('u', unit, p));
  const { rows } = await q.query<TransferRow>(
    `SELECT ${COLUMNS} FROM member_transfer t JOIN member m ON m.id = t.member_id
       JOIN org_unit u ON u.key = ${side === 'from' ? 't.from_unit_key' : 't.to_unit_key'}
      WHERE ${conditions.join(' AND ')}${lock ? ' FOR UPDATE OF t' : ''}`,
    p.values,
  );
  if (rows[0] === undefined) throw apiError('TRANSFER_NOT_FOUND');
  return view(rows[0], hierarchy);
}

/**
 * Decides a pending transfer: `accept` moves the member, `reject` and `cancel` leave her where she is.
 *
 * @throws ApiError TRANSFER_DECIDED when it is no longer pending; MEMBER_NOT_ACTIVE when she left or was merged.
 */
export async function decideTransfer(
  tx: Queryable,
  ctx: WriteContext,
  transfer: TransferView,
  decision: 'accept' | 'reject' | 'cancel',
  reason: string | null,
  to: MemberPlace,
  hierarchy: Hierarchy,
): Promise<TransferView> {
  if (transfer.status !== 'pending') throw apiError('TRANSFER_DECIDED', { status: transfer.status });
  const status = { accept: 'accepted', reject: 'rejected', cancel: 'cancelled' }[decision];
  if (decision === 'accept') {
    const { rows } = await tx.query<MemberRow>(
      `SELECT ${MEMBER_COLUMNS} FROM member m WHERE m.id = $1 FOR UPDATE`,
      [transfer.memberId],
    );
    const member = rows[0];
    if (member === undefined || member.status !== 'active') throw apiError('MEMBER_NOT_ACTIVE');
    await moveMember(tx, ctx, member, to, transfer.reason);
  }
  await tx.query(
    'UPDATE member_transfer SET status = $1, decision_reason = $2, decided_by = $3, decided_at = $4 WHERE id = $5',
    [status, reason, ctx.actor, ctx.at, transfer.id],
  );
  await audit(
    tx,
    ctx,
    `member_transfer.${decision}`,
    'member_transfer',
    transfer.id,
    { status: 'pending' },
    { status },
  );
  return requireTransfer(tx, transfer.id, 'any', null, hierarchy);
}
