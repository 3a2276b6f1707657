/**
 * Smart member card tokens: `VWC1.<kid>.<cardId>.<signature>`, where `cardId` is 128 random bits and the
 * signature is HMAC-SHA256 (first 128 bits, base64url) over the rest with the key `kid`. The token names no
 * person: whoever scans it learns only whether the card is valid.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../store/store.js';

const PREFIX = 'VWC1';
const TOKEN = /^VWC1\.([1-9][0-9]{0,5})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

/** A signing key. */
export interface CardKey {
  kid: number;
  secret: Buffer;
}

function signature(key: CardKey, cardId: string): string {
  return createHmac('sha256', key.secret)
    .update(`${PREFIX}.${key.kid}.${cardId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/**
 * A new card id and its signed token.
 *
 * @example const { cardId, token } = newCardToken(key); // token 'VWC1.1.<22 chars>.<22 chars>'
 */
export function newCardToken(
  key: CardKey,
  random: (size: number) => Buffer = randomBytes,
): { cardId: string; token: string } {
  const cardId = random(16).toString('base64url');
  return { cardId, token: `${PREFIX}.${key.kid}.${cardId}.${signature(key, cardId)}` };
}

/**
 * The card id of a well-formed token whose signature checks with its key, else `undefined` (a forged,
 * altered or foreign token).
 */
export function readCardToken(
  token: string,
  keyOf: (kid: number) => CardKey | undefined,
): string | undefined {
  const match = TOKEN.exec(token.trim());
  if (match === null) return undefined;
  const key = keyOf(Number(match[1]));
  const cardId = match[2] as string;
  if (key === undefined) return undefined;
  const expected = Buffer.from(signature(key, cardId));
  const given = Buffer.from(match[3] as string);
  return expected.length === given.length && timingSafeEqual(expected, given) ? cardId : undefined;
}

/**
 * The card keys in the store, creating the first one when there is none (safe when two servers race: the
 * first insert wins and both read it back).
 */
export async function loadCardKeys(q: Queryable, now: Date): Promise<CardKey[]> {
  const read = async () =>
    (
      await q.query<{ kid: number; secret: Uint8Array }>(
        'SELECT kid, secret FROM member_card_key ORDER BY kid',
      )
    ).rows.map((r) => ({ kid: r.kid, secret: Buffer.from(r.secret) }));
  const keys = await read();
  if (keys.length > 0) return keys;
  await q.query(
    'INSERT INTO member_card_key (kid, secret, created_at) VALUES (1, $1, $2) ON CONFLICT (kid) DO NOTHING',
    [randomBytes(32), now],
  );
  return read();
}
