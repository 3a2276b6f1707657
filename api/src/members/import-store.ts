/**
 * The store side of an import: keeps the uploaded file, inserts the good rows in bulk (one statement per
 * chunk: members, their registration lines and their fingerprints), and records the outcome and the bad rows
 * for the error file. Rows whose fingerprint is already known are skipped, so a re-import adds nothing.
 */
import { createHash } from 'node:crypto';
import type { Unit } from '@vwu/contracts';
import { apiError } from '../errors.js';
import type { Queryable } from '../store/store.js';
import type { FieldProblem } from './field-problems.js';
import type { ImportKind } from './import-parse.js';
import type { ReadRow } from './import-rows.js';
import { audit, newMemberKey, type WriteContext } from './write-context.js';

/** Rows per INSERT. */
const CHUNK = 2_000;

/** A stored upload. */
export interface ImportRecord {
  id: number;
  unit_key: string;
  file_name: string;
  file_kind: ImportKind;
  content: Uint8Array;
}

/** A rejected row as kept for the error file. */
export interface BadRow {
  row: number;
  cells: string[];
  problems: FieldProblem[];
}

/** Stores an upload and returns its id. */
export async function saveUpload(
  tx: Queryable,
  ctx: WriteContext,
  unit: Unit,
  file: { name: string; kind: ImportKind; data: Buffer; rows: number },
): Promise<number> {
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO member_import (unit_key, file_name, file_kind, content, sha256, row_count, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [unit.key, file.name, file.kind, file.data, sha256, file.rows, ctx.actor, ctx.at],
  );
  const id = (rows[0] as { id: number }).id;
  await audit(tx, ctx, 'member_import.upload', 'member_import', id, null, {
    unitKey: unit.key,
    rows: file.rows,
    sha256,
  });
  return id;
}

/** The upload `id` made in `unit`. @throws ApiError IMPORT_NOT_FOUND. */
export async function loadUpload(q: Queryable, id: string, unit: Unit): Promise<ImportRecord> {
  const { rows } = await q.query<ImportRecord>(
    'SELECT id, unit_key, file_name, file_kind, content FROM member_import WHERE id = $1::bigint AND unit_key = $2',
    [id, unit.key],
  );
  if (rows[0] === undefined) throw apiError('IMPORT_NOT_FOUND');
  return rows[0];
}

/**
 * Fingerprints of rows already in the registry: imported before (same fingerprint), or registered by hand
 * in the same unit with the same name (folded) and birth date.
 */
export async function knownFingerprints(
  q: Queryable,
  rows: readonly Extract<ReadRow, { ok: true }>[],
): Promise<Set<string>> {
  const known = new Set<string>();
  for (let i = 0; i < rows.length; i += 10_000) {
    const chunk = rows.slice(i, i + 10_000);
    const { rows: found } = await q.query<{ fingerprint: string }>(
      `SELECT i.fingerprint FROM unnest($1::text[], $2::text[], $3::text[], $4::date[]) AS i(fingerprint, unit_key, name_search, date_of_birth)
        WHERE EXISTS (SELECT 1 FROM member_import_row r WHERE r.fingerprint = i.fingerprint)
           OR EXISTS (SELECT 1 FROM member m WHERE m.unit_key = i.unit_key AND m.name_search = i.name_search
                        AND m.date_of_birth = i.date_of_birth AND m.status <> 'merged')`,
      [
        chunk.map((r) => r.fingerprint),
        chunk.map((r) => r.place.unitKey),
        chunk.map((r) => r.fields.nameSearch),
        chunk.map((r) => r.fields.dateOfBirth),
      ],
    );
    for (const r of found) known.add(r.fingerprint);
  }
  return known;
}

const INSERT_CHUNK = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::date[], $15::text[],
                       $16::boolean[], $17::text[])
    AS t(member_key, full_name, name_search, date_of_birth, gender, ethnicity, religion, phone, address, education,
         unit_key, commune_key, province_key, joined_on, roles, honorary, fingerprint)
), created AS (
  INSERT INTO member (member_key, full_name, name_search, date_of_birth, gender, ethnicity, religion, phone, address,
                      education, unit_key, commune_key, province_key, joined_on, roles, honorary, created_at, updated_at)
  SELECT member_key, full_name, name_search, date_of_birth, gender, ethnicity, religion, phone, address, education,
         unit_key, commune_key, province_key, joined_on, string_to_array(roles, ','), honorary, $18, $18
    FROM input
  RETURNING id, member_key, unit_key
), history AS (
  INSERT INTO member_history (member_id, at, kind, to_unit_key, note, actor_user_id)
  SELECT id, $18, 'registered', unit_key, 'import', $19 FROM created
)
INSERT INTO member_import_row (fingerprint, member_id, import_id)
SELECT i.fingerprint, c.id, $20 FROM created c JOIN input i ON i.member_key = c.member_key`;

/** Inserts good rows in chunks; returns how many were inserted. */
export async function insertRows(
  tx: Queryable,
  ctx: WriteContext,
  importId: number,
  rows: Extract<ReadRow, { ok: true }>[],
): Promise<number> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const col = <T>(pick: (r: (typeof chunk)[number]) => T) => chunk.map(pick);
    await tx.query(INSERT_CHUNK, [
      col(() => newMemberKey()),
      col((r) => r.fields.fullName),
      col((r) => r.fields.nameSearch),
      col((r) => r.fields.dateOfBirth),
      col((r) => r.fields.gender ?? 'female'),
      col((r) => r.fields.ethnicity),
      col((r) => r.fields.religion ?? null),
      col((r) => r.fields.phone ?? null),
      col((r) => r.fields.address ?? null),
      col((r) => r.fields.education ?? null),
      col((r) => r.place.unitKey),
      col((r) => r.place.communeKey),
      col((r) => r.place.provinceKey),
      col((r) => r.fields.joinedOn),
      col((r) => (r.fields.roles ?? ['member']).join(',')),
      col((r) => r.fields.honorary ?? false),
      col((r) => r.fingerprint),
      ctx.at,
      ctx.actor,
      importId,
    ]);
  }
  return rows.length;
}

/** Records the outcome of a commit (and the bad rows, for the error file) with one audit entry. */
export async function recordOutcome(
  tx: Queryable,
  ctx: WriteContext,
  importId: number,
  result: { rows: number; inserted: number; alreadyImported: number; failed: number },
  badRows: BadRow[],
): Promise<void> {
  await tx.query(
    'UPDATE member_import SET committed_at = $1, result = $2::jsonb, bad_rows = $3::jsonb WHERE id = $4',
    [ctx.at, JSON.stringify(result), JSON.stringify(badRows), importId],
  );
  await audit(tx, ctx, 'member_import.commit', 'member_import', importId, null, result);
}

/** The bad rows kept by the last commit of an import, with the file's headers. */
export async function storedBadRows(q: Queryable, importId: number): Promise<BadRow[] | null> {
  const { rows } = await q.query<{ bad_rows: BadRow[] | null }>(
    'SELECT bad_rows FROM member_import WHERE id = $1',
    [importId],
  );
  return rows[0]?.bad_rows ?? null;
}
