/**
 * Loads the demo member registry (`generateMembers` of the demo generator, the same members and keys the
 * demo events carry) into the store in bulk: members with their registration, cards for those who activated
 * one, and cadre training records. Secondary indexes are dropped during a first load and rebuilt once at the
 * end (far faster than maintaining trigram indexes row by row).
 */
import { randomBytes } from 'node:crypto';
import type { Hierarchy } from '@vwu/contracts';
import { buildWorld, generateMembers, registrySize, type DemoMember, type DemoScale } from '@vwu/pipeline';
import type { Queryable, Store } from '../store/store.js';
import { searchKey } from './search-text.js';

/** Rows per INSERT statement. */
const CHUNK = 5_000;

/** What {@link loadDemoMembers} did. */
export interface DemoMembersReport {
  /** Members inserted now (0 when demo members were already there). */
  inserted: number;
  /** Demo members in the store afterwards. */
  total: number;
  seconds: number;
}

const INSERT = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::date[], $14::date[], $15::text[],
                       $16::boolean[], $17::boolean[], $18::date[])
    AS t(member_key, full_name, name_search, date_of_birth, ethnicity, religion, phone, address, education, unit_key,
         commune_key, province_key, joined_on, left_on, roles, honorary, trained, card_on)
), created AS (
  INSERT INTO member (member_key, full_name, name_search, date_of_birth, ethnicity, religion, phone, address, education,
                      unit_key, commune_key, province_key, joined_on, left_on, card_status, roles, honorary, trained,
                      status, demo, created_at, updated_at)
  SELECT member_key, full_name, name_search, date_of_birth, ethnicity, religion, phone, address, education, unit_key,
         commune_key, province_key, joined_on, left_on, CASE WHEN card_on IS NULL THEN 'none' ELSE 'active' END,
         string_to_array(roles, ','), honorary, trained, CASE WHEN left_on IS NULL THEN 'active' ELSE 'left' END,
         true, $19, $19
    FROM input
  -- The generator's keys are unique by construction; a load resumed after an interruption keeps what it inserted.
  ON CONFLICT (member_key) DO NOTHING
  RETURNING id, member_key, unit_key, joined_on
), history AS (
  INSERT INTO member_history (member_id, at, kind, to_unit_key, note)
  SELECT id, joined_on, 'registered', unit_key, 'demo' FROM created
)
INSERT INTO member_card (card_id, member_id, issued_at)
SELECT translate(substr(encode(sha256(convert_to($20 || c.member_key, 'UTF8')), 'base64'), 1, 22), '+/', '-_'), c.id, i.card_on
  FROM created c JOIN input i ON i.member_key = c.member_key
 WHERE i.card_on IS NOT NULL`;

const TRAININGS = `
INSERT INTO member_training (member_id, topic, trained_on, created_at)
SELECT m.id, t.topic, t.trained_on, $4
  FROM unnest($1::text[], $2::text[], $3::date[]) AS t(member_key, topic, trained_on)
  JOIN member m ON m.member_key = t.member_key`;

async function insertChunk(tx: Queryable, chunk: DemoMember[], at: Date, cardSalt: string): Promise<void> {
  const col = <T>(pick: (m: DemoMember) => T) => chunk.map(pick);
  await tx.query(INSERT, [
    col((m) => m.member_key),
    col((m) => m.full_name),
    col((m) => searchKey(m.full_name)),
    col((m) => m.date_of_birth),
    col((m) => m.ethnicity),
    col((m) => m.religion),
    col((m) => m.phone),
    col((m) => m.address),
    col((m) => m.education),
    col((m) => m.branch),
    col((m) => m.commune),
    col((m) => m.province),
    col((m) => m.joined_on),
    col((m) => m.left_on),
    col((m) => m.roles.join(',')),
    col((m) => m.honorary),
    col((m) => m.trainings.length > 0),
    col((m) => m.card_activated_on),
    at,
    cardSalt,
  ]);
  const trained = chunk.flatMap((m) => m.trainings.map((t) => [m.member_key, t.topic, t.on] as const));
  if (trained.length > 0)
    await tx.query(TRAININGS, [
      trained.map((t) => t[0]),
      trained.map((t) => t[1]),
      trained.map((t) => t[2]),
      at,
    ]);
}

async function withoutSecondaryIndexes(tx: Queryable, fn: () => Promise<void>): Promise<void> {
  const tables = ['member', 'member_history', 'member_card', 'member_training'];
  const { rows } = await tx.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique`,
    [tables],
  );
  // Index names come from the catalog, never from input.
  for (const index of rows) await tx.exec(`DROP INDEX ${index.name}`);
  await fn();
  for (const index of rows) await tx.exec(index.definition);
}

/**
 * Loads the demo members of `scale` and `seed` as of `today`, in one transaction, unless demo members are
 * already there.
 *
 * @example await loadDemoMembers(store, loadHierarchy(), { scale: 'small', seed: 2025, today: '2026-11-21' })
 */
export async function loadDemoMembers(
  store: Store,
  hierarchy: Hierarchy,
  options: { scale: DemoScale; seed: number; today: string; onProgress?: (done: number, of: number) => void },
): Promise<DemoMembersReport> {
  const started = Date.now();
  const present = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM member WHERE demo');
  const already = present.rows[0]?.n ?? 0;
  if (already > 0) return { inserted: 0, total: already, seconds: (Date.now() - started) / 1000 };
  const world = buildWorld(hierarchy, options.seed, options.scale);
  const expected = registrySize(world, options.today);
  const at = new Date();
  const cardSalt = randomBytes(16).toString('hex');
  let inserted = 0;
  await store.transaction(async (tx) => {
    const empty = await tx.query<{ empty: boolean }>('SELECT NOT EXISTS (SELECT 1 FROM member) AS empty');
    const load = async () => {
      let chunk: DemoMember[] = [];
      for (const member of generateMembers(world, hierarchy, options.today)) {
        chunk.push(member);
        if (chunk.length === CHUNK) {
          await insertChunk(tx, chunk, at, cardSalt);
          inserted += chunk.length;
          options.onProgress?.(inserted, expected);
          chunk = [];
        }
      }
      if (chunk.length > 0) await insertChunk(tx, chunk, at, cardSalt);
      inserted += chunk.length;
    };
    if (empty.rows[0]?.empty === true) await withoutSecondaryIndexes(tx, load);
    else await load();
  });
  return { inserted, total: inserted, seconds: (Date.now() - started) / 1000 };
}
