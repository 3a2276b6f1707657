// Helpers of the member suites: signed-in callers and short request functions.
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/index.js';
import { signIn } from './app.js';

/** Demo users of the member suites: Tân Ninh's officer, the leaders of Tây Ninh and Hà Nội, central. */
export const MEMBER_USERS = [
  'officer.tanninh',
  'leader.tayninh',
  'leader.hanoi',
  'analyst.central',
  'admin',
] as const;

/** A demo user of {@link MEMBER_USERS}. */
export type MemberUser = (typeof MEMBER_USERS)[number];

/** A response as the suites read it. */
export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON answers checked field by field
  headers: Record<string, unknown>;
  raw: string;
}

/** Signs in every member user and returns a request function acting as one of them. */
export async function memberClient(app: FastifyInstance) {
  const tokens = new Map<MemberUser, string>();
  for (const user of MEMBER_USERS) tokens.set(user, (await signIn(app, user, DEMO_PASSWORD)).accessToken);
  return async function call(
    user: MemberUser,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<Reply> {
    const response = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens.get(user)}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const raw = response.body;
    let body: unknown = raw;
    if (String(response.headers['content-type'] ?? '').includes('json')) body = JSON.parse(raw);
    return { status: response.statusCode, body, headers: response.headers, raw };
  };
}

/** Officer Tân Ninh's commune and one of its branches; a branch of Hà Nội (out of her scope). */
export const TAN_NINH = '2025:25459';
export const TAN_NINH_BRANCH = '2025:25459-01';
export const TAN_NINH_BRANCH_2 = '2025:25459-02';
export const HA_NOI_BRANCH = '2025:00004-01';
