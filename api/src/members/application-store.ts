/**
 * Membership applications (from online groups, non-members' wishes, walk-ins): recorded against a commune or
 * branch, approved into a branch (which registers the member) or rejected with a reason.
 */
import type { Unit } from '@vwu/contracts';
import { apiError } from '../errors.js';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';
import type { MemberFields } from './member-fields.js';
import { isoInstant } from './member-rows.js';
import { membersWithin, type MemberPlace } from './member-scope.js';
import { createMember } from './member-store.js';
import type { ApplicationView } from './workflow-schemas.js';
import { audit, type WriteContext } from './write-context.js';

interface ApplicationRow {
  id: number;
  unit_key: string;
  full_name: string;
  date_of_birth: string;
  gender: 'female' | 'male';
  ethnicity: string | null;
  phone: string | null;
  address: string | null;
  source: ApplicationView['source'];
  note: string | null;
  status: ApplicationView['status'];
  decision_reason: string | null;
  member_id: number | null;
  submitted_at: Date;
  decided_at: Date | null;
}

const COLUMNS = `a.id, a.unit_key, a.full_name, a.date_of_birth, a.gender, a.ethnicity, a.phone, a.address, a.source,
  a.note, a.status, a.decision_reason, a.member_id, a.submitted_at, a.decided_at`;

function view(r: ApplicationRow): ApplicationView {
  return {
    id: String(r.id),
    unitKey: r.unit_key,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    gender: r.gender,
    ethnicity: r.ethnicity,
    phone: r.phone,
    address: r.address,
    source: r.source,
    note: r.note,
    status: r.status,
    decisionReason: r.decision_reason,
    memberId: r.member_id === null ? null : String(r.member_id),
    submittedAt: isoInstant(r.submitted_at),
    decidedAt: r.decided_at === null ? null : isoInstant(r.decided_at),
  };
}

/** What an application records (checked). */
export interface ApplicationInput {
  fields: MemberFields;
  source: ApplicationView['source'];
  note: string | null;
}

/** Records an application to the unit at `place`. */
export async function createApplication(
  tx: Queryable,
  ctx: WriteContext,
  place: MemberPlace,
  input: ApplicationInput,
): Promise<ApplicationView> {
  const f = input.fields;
  const { rows } = await tx.query<ApplicationRow>(
    `INSERT INTO member_application AS a (unit_key, commune_key, province_key, full_name, date_of_birth, gender,
       ethnicity, phone, address, source, note, submitted_by, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
    [
      place.unitKey,
      place.communeKey,
      place.provinceKey,
      f.fullName,
      f.dateOfBirth,
      f.gender ?? 'female',
      f.ethnicity ?? null,
      f.phone ?? null,
      f.address ?? null,
      input.source,
      input.note,
      ctx.actor,
      ctx.at,
    ],
  );
  const row = rows[0] as ApplicationRow;
  await audit(tx, ctx, 'member_application.create', 'member_application', row.id, null, {
    unitKey: place.unitKey,
    source: input.source,
  });
  return view(row);
}

/** Applications within `unit`, newest first. */
export async function listApplications(
  q: Queryable,
  unit: Unit,
  status: ApplicationView['status'] | undefined,
): Promise<ApplicationView[]> {
  const p = new SqlParams();
  const conditions = [membersWithin('a', unit, p)];
  if (status !== undefined) conditions.push(`a.status = ${p.add(status)}`);
  const { rows } = await q.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM member_application a WHERE ${conditions.join(' AND ')}
      ORDER BY a.submitted_at DESC, a.id DESC LIMIT 500`,
    p.values,
  );
  return rows.map(view);
}

/** The pending application `id` within `unit`, locked. @throws APPLICATION_NOT_FOUND, APPLICATION_DECIDED. */
async function pendingApplication(tx: Queryable, id: string, unit: Unit): Promise<ApplicationRow> {
  const p = new SqlParams();
  const { rows } = await tx.query<ApplicationRow>(
    `SELECT ${COLUMNS} FROM member_application a WHERE a.id = ${p.add(id)}::bigint AND ${membersWithin('a', unit, p)} FOR UPDATE`,
    p.values,
  );
  const row = rows[0];
  if (row === undefined) throw apiError('APPLICATION_NOT_FOUND');
  if (row.status !== 'pending') throw apiError('APPLICATION_DECIDED', { status: row.status });
  return row;
}

/**
 * Approves application `id` into the branch at `place`: registers the member with `fields` (from the
 * application plus the approver's additions) and links her to the application.
 */
export async function approveApplication(
  tx: Queryable,
  ctx: WriteContext,
  id: string,
  unit: Unit,
  place: MemberPlace,
  complete: (row: {
    fullName: string;
    dateOfBirth: string;
    gender: 'female' | 'male';
    ethnicity: string | null;
    phone: string | null;
    address: string | null;
  }) => MemberFields,
): Promise<ApplicationView> {
  const row = await pendingApplication(tx, id, unit);
  const fields = complete({
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    ethnicity: row.ethnicity,
    phone: row.phone,
    address: row.address,
  });
  const member = await createMember(tx, ctx, place, fields, 'member.create_from_application');
  const { rows } = await tx.query<ApplicationRow>(
    `UPDATE member_application a SET status = 'approved', member_id = $1, decided_by = $2, decided_at = $3
      WHERE a.id = $4 RETURNING ${COLUMNS}`,
    [member.id, ctx.actor, ctx.at, row.id],
  );
  await audit(
    tx,
    ctx,
    'member_application.approve',
    'member_application',
    row.id,
    { status: 'pending' },
    {
      status: 'approved',
      memberKey: member.member_key,
      unitKey: place.unitKey,
    },
  );
  return view(rows[0] as ApplicationRow);
}

/** Rejects application `id` with a reason. */
export async function rejectApplication(
  tx: Queryable,
  ctx: WriteContext,
  id: string,
  unit: Unit,
  reason: string,
): Promise<ApplicationView> {
  const row = await pendingApplication(tx, id, unit);
  const { rows } = await tx.query<ApplicationRow>(
    `UPDATE member_application a SET status = 'rejected', decision_reason = $1, decided_by = $2, decided_at = $3
      WHERE a.id = $4 RETURNING ${COLUMNS}`,
    [reason, ctx.actor, ctx.at, row.id],
  );
  await audit(
    tx,
    ctx,
    'member_application.reject',
    'member_application',
    row.id,
    { status: 'pending' },
    { status: 'rejected' },
  );
  return view(rows[0] as ApplicationRow);
}
