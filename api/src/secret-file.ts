import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Shortest secret accepted for signing tokens (HS256 wants at least 256 bits). */
export const MIN_SECRET_LENGTH = 32;

/**
 * Reads a secret kept in `path`, or makes a random one (48 bytes, base64url) and writes it there readable by
 * the owner only. Used for `JWT_SECRET` when the environment does not set it, so that tokens survive a
 * restart and no secret is ever a constant in code.
 *
 * @throws Error when the file exists but holds fewer than {@link MIN_SECRET_LENGTH} characters.
 * @example const secret = readOrCreateSecret('/srv/vwu/var/jwt-secret');
 */
export function readOrCreateSecret(path: string, random: (size: number) => Buffer = randomBytes): string {
  let existing: string | undefined;
  try {
    existing = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing !== undefined) {
    if (existing.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `The secret in ${path} is shorter than ${MIN_SECRET_LENGTH} characters: delete the file to have a ` +
          'new one generated, or set JWT_SECRET.',
      );
    }
    return existing;
  }
  const secret = random(48).toString('base64url');
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process wrote it first: use theirs, so that both sign with one secret.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readOrCreateSecret(path, random);
    throw error;
  }
  chmodSync(path, 0o600);
  return secret;
}
