import type { Queryable } from '../store/store.js';
import type { Role } from '../access/rules.js';

/** An account as stored. `password_hash` never leaves the accounts code. */
export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  scope_unit_key: string;
  failed_logins: number;
  locked_until: Date | null;
  password_changed_at: Date;
  created_at: Date;
}

const COLUMNS =
  'id, username, display_name, password_hash, role, scope_unit_key, failed_logins, locked_until, ' +
  'password_changed_at, created_at';

/** Usernames are compared in lower case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The account with this username, or `undefined`. */
export async function findUserByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  const { rows } = await q.query<UserRow>(`SELECT ${COLUMNS} FROM app_user WHERE username = $1`, [
    normaliseUsername(username),
  ]);
  return rows[0];
}

/** The account with this id, or `undefined`; `forUpdate` locks the row until the transaction ends. */
export async function findUserById(
  q: Queryable,
  id: number,
  forUpdate = false,
): Promise<UserRow | undefined> {
  const lock = forUpdate ? ' FOR UPDATE' : '';
  const { rows } = await q.query<UserRow>(`SELECT ${COLUMNS} FROM app_user WHERE id = $1${lock}`, [id]);
  return rows[0];
}

/** A new account's fields. */
export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  scopeUnitKey: string;
}

/**
 * Creates an account, or does nothing when the username exists.
 *
 * @returns the new id, or `undefined` when the username was taken.
 */
export async function insertUser(q: Queryable, user: NewUser, now: Date): Promise<number | undefined> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, password_hash, role, scope_unit_key, password_changed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (username) DO NOTHING
     RETURNING id`,
    [
      normaliseUsername(user.username),
      user.displayName,
      user.passwordHash,
      user.role,
      user.scopeUnitKey,
      now,
    ],
  );
  return rows[0]?.id;
}

/**
 * Counts a failed sign-in in one statement (safe under concurrent attempts: the row lock serialises them);
 * the `maxFailures`-th failure in a row locks the account until `now + lockoutS` and resets the count.
 *
 * @returns the unlock time when this failure locked the account, else `null`.
 */
export async function recordLoginFailure(
  q: Queryable,
  id: number,
  now: Date,
  maxFailures: number,
  lockoutS: number,
): Promise<Date | null> {
  const until = new Date(now.getTime() + lockoutS * 1000);
  const { rows } = await q.query<{ locked: boolean }>(
    `UPDATE app_user
        SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
            locked_until  = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
      WHERE id = $1
  RETURNING failed_logins = 0 AND locked_until = $3::timestamptz AS locked`,
    [id, maxFailures, until],
  );
  return rows[0]?.locked === true ? until : null;
}

/** Clears the failure count and any expired lock after a successful sign-in. */
export async function recordLoginSuccess(q: Queryable, id: number): Promise<void> {
  await q.query('UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1', [id]);
}

/** Stores a new password hash and when it changed. */
export async function updatePasswordHash(q: Queryable, id: number, hash: string, now: Date): Promise<void> {
  await q.query('UPDATE app_user SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [
    id,
    hash,
    now,
  ]);
}
