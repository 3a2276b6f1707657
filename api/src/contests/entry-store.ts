// SQL of entries and their attachments (migrations/0040_contests.sql).
import type { Queryable } from '../store/store.js';

/** An entry as stored. */
export interface EntryRecord {
  id: number;
  contestId: number;
  unitKey: string;
  title: string;
  description: string;
  audience: string;
  authorKind: string;
  authors: string[];
  links: string[];
  submittedBy: number;
  submittedAt: Date;
  withdrawn: boolean;
  stageReached: number;
  forwarded: boolean;
}

/** An attachment without its bytes. */
export interface AttachmentRecord {
  id: number;
  entryId: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const ENTRY_COLUMNS =
  'id, contest_id, unit_key, title, description, audience, author_kind, authors, links, submitted_by, ' +
  'submitted_at, withdrawn, stage_reached, forwarded';

interface EntryRow {
  id: string | number;
  contest_id: string | number;
  unit_key: string;
  title: string;
  description: string;
  audience: string;
  author_kind: string;
  authors: string[];
  links: string[];
  submitted_by: number;
  submitted_at: Date;
  withdrawn: boolean;
  stage_reached: number;
  forwarded: boolean;
}

function toEntry(r: EntryRow): EntryRecord {
  return {
    id: Number(r.id),
    contestId: Number(r.contest_id),
    unitKey: r.unit_key,
    title: r.title,
    description: r.description,
    audience: r.audience,
    authorKind: r.author_kind,
    authors: r.authors,
    links: r.links,
    submittedBy: r.submitted_by,
    submittedAt: new Date(r.submitted_at),
    withdrawn: r.withdrawn,
    stageReached: r.stage_reached,
    forwarded: r.forwarded,
  };
}

/** Entries of a contest in submission order. */
export async function listEntries(q: Queryable, contestId: number): Promise<EntryRecord[]> {
  const { rows } = await q.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM contest_entry WHERE contest_id = $1 ORDER BY submitted_at, id`,
    [contestId],
  );
  return rows.map(toEntry);
}

/** One entry of a contest. */
export async function loadEntry(
  q: Queryable,
  contestId: number,
  id: number,
): Promise<EntryRecord | undefined> {
  const { rows } = await q.query<EntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM contest_entry WHERE contest_id = $1 AND id = $2`,
    [contestId, id],
  );
  return rows[0] === undefined ? undefined : toEntry(rows[0]);
}

/** Stores a new entry; returns it. */
export async function insertEntry(
  q: Queryable,
  e: Omit<EntryRecord, 'id' | 'withdrawn' | 'stageReached' | 'forwarded'>,
): Promise<EntryRecord> {
  const { rows } = await q.query<EntryRow>(
    `INSERT INTO contest_entry (contest_id, unit_key, title, description, audience, author_kind, authors, links,
       submitted_by, submitted_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $10) RETURNING ${ENTRY_COLUMNS}`,
    [
      e.contestId,
      e.unitKey,
      e.title,
      e.description,
      e.audience,
      e.authorKind,
      JSON.stringify(e.authors),
      JSON.stringify(e.links),
      e.submittedBy,
      e.submittedAt,
    ],
  );
  return toEntry(rows[0]!);
}

/** Saves an entry's editable fields. */
export async function saveEntry(q: Queryable, e: EntryRecord, now: Date): Promise<void> {
  await q.query(
    `UPDATE contest_entry SET title = $2, description = $3, authors = $4::jsonb, links = $5::jsonb,
       withdrawn = $6, updated_at = $7 WHERE id = $1`,
    [e.id, e.title, e.description, JSON.stringify(e.authors), JSON.stringify(e.links), e.withdrawn, now],
  );
}

/** Attachments of some entries, without their bytes. */
export async function listAttachments(q: Queryable, entryIds: number[]): Promise<AttachmentRecord[]> {
  if (entryIds.length === 0) return [];
  const { rows } = await q.query<{
    id: string | number;
    entry_id: string | number;
    file_name: string;
    content_type: string;
    size_bytes: number;
  }>(
    `SELECT id, entry_id, file_name, content_type, size_bytes FROM contest_attachment
     WHERE entry_id = ANY($1::bigint[]) ORDER BY id`,
    [entryIds],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    entryId: Number(r.entry_id),
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
  }));
}

/** Stores a file of an entry; returns its id. */
export async function insertAttachment(
  q: Queryable,
  a: Omit<AttachmentRecord, 'id'> & { sha256: string; data: Buffer; userId: number; now: Date },
): Promise<number> {
  const { rows } = await q.query<{ id: string | number }>(
    `INSERT INTO contest_attachment (entry_id, file_name, content_type, size_bytes, sha256, data, uploaded_by, uploaded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [a.entryId, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.data, a.userId, a.now],
  );
  return Number(rows[0]!.id);
}

/** One attachment with its bytes, if it belongs to the contest. */
export async function loadAttachment(
  q: Queryable,
  contestId: number,
  id: number,
): Promise<(AttachmentRecord & { data: Buffer }) | undefined> {
  const { rows } = await q.query<{
    id: string | number;
    entry_id: string | number;
    file_name: string;
    content_type: string;
    size_bytes: number;
    data: Uint8Array;
  }>(
    `SELECT a.id, a.entry_id, a.file_name, a.content_type, a.size_bytes, a.data
     FROM contest_attachment a JOIN contest_entry e ON e.id = a.entry_id WHERE a.id = $1 AND e.contest_id = $2`,
    [id, contestId],
  );
  const r = rows[0];
  if (r === undefined) return undefined;
  return {
    id: Number(r.id),
    entryId: Number(r.entry_id),
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    data: Buffer.from(r.data),
  };
}
