import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Cost of scrypt: N = 2^logN, block size r, parallelism p (memory ≈ 128·N·r bytes). */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/** Current cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s per hash). Raise it here; old hashes still verify. */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = { logN: 15, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const ENCODED = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, params: ScryptParams, length: number): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    // NFC: the same Vietnamese password typed on different keyboards (composed or combining marks) matches.
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

function b64(buffer: Buffer): string {
  return buffer.toString('base64').replace(/=+$/, '');
}

/**
 * Hashes a password with scrypt and a random per-user salt. The result carries its parameters:
 * `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64, no padding).
 *
 * @example const stored = await hashPassword('correct horse battery staple');
 */
export async function hashPassword(
  password: string,
  params: ScryptParams = SCRYPT_PARAMS,
  random: (size: number) => Buffer = randomBytes,
): Promise<string> {
  const salt = random(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

interface Decoded {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function decode(encoded: string): Decoded | undefined {
  const m = ENCODED.exec(encoded);
  if (m === null) return undefined;
  const params = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.logN < 10 || params.logN > 22 || params.r < 1 || params.p < 1) return undefined;
  return { params, salt: Buffer.from(m[4] ?? '', 'base64'), key: Buffer.from(m[5] ?? '', 'base64') };
}

/**
 * Whether `password` matches a hash from {@link hashPassword}, compared in constant time. A malformed hash
 * never matches.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const stored = decode(encoded);
  if (stored === undefined || stored.key.length === 0) return false;
  const key = await derive(password, stored.salt, stored.params, stored.key.length);
  return timingSafeEqual(key, stored.key);
}

/** Whether a hash was made with weaker parameters than `params` (rehash it at the next sign-in). */
export function needsRehash(encoded: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const stored = decode(encoded);
  if (stored === undefined) return true;
  return stored.params.logN < params.logN || stored.params.r < params.r || stored.params.p < params.p;
}
