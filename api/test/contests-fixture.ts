// What the contest suites share: a client that signs each demo user in (again when the test clock has moved,
// as tokens are short-lived), the two-level definition of seed 000, entry bodies, multipart bodies, and
// members to vote with.
import type { Store } from '../src/index.js';
import { DEMO_PASSWORD } from '../src/index.js';
import { signIn, type TestApp } from './helpers/app.js';

/** An answer: status, parsed JSON (when it is JSON), raw bytes and headers. */
export interface Answer {
  status: number;
  // The suites read deep into many response shapes; `any` keeps each assertion short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  raw: Buffer;
  headers: Record<string, unknown>;
}

/** A contest API client over `t.app.inject()` (no open port); `user` null calls anonymously. */
export function contestClient(t: TestApp) {
  const tokens = new Map<string, { token: string; at: number }>();
  async function tokenOf(user: string): Promise<string> {
    const held = tokens.get(user);
    if (held !== undefined && held.at === t.clock.now) return held.token;
    const token = (await signIn(t.app, user, DEMO_PASSWORD)).accessToken;
    tokens.set(user, { token, at: t.clock.now });
    return token;
  }
  return {
    tokenOf,
    /** Sets the test clock to an ISO time. */
    at: (iso: string) => void (t.clock.now = Date.parse(iso)),
    async call(
      user: string | null,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH',
      url: string,
      payload?: unknown,
    ): Promise<Answer> {
      const response = await t.app.inject({
        method,
        url,
        headers: user === null ? {} : { authorization: `Bearer ${await tokenOf(user)}` },
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });
      const json = response.headers['content-type']?.toString().includes('json')
        ? response.json()
        : undefined;
      return { status: response.statusCode, body: json, raw: response.rawPayload, headers: response.headers };
    },
  };
}

/** Seed 000's contest on two levels (province, then central), two criteria, two awards. */
export const DEFINITION = {
  title: 'Ứng dụng công nghệ thông tin trong tổ chức sinh hoạt hội',
  rules: 'Sản phẩm, giải pháp ứng dụng CNTT trong sinh hoạt hội viên.',
  mode: 'jury',
  eligibility: {
    audiences: ['cadre', 'member', 'honorary_member'],
    authorKinds: ['individual', 'collective'],
  },
  stages: [
    { level: 'province', opensOn: '2025-09-01', closesOn: '2025-09-20', forward: { mode: 'top', count: 2 } },
    { level: 'central', opensOn: '2025-09-21', closesOn: '2025-09-25', forward: { mode: 'top', count: 1 } },
  ],
  criteria: [
    { key: 'idea', label: 'Tính sáng tạo', weight: 1, maxScore: 10 },
    { key: 'impact', label: 'Hiệu quả', weight: 3, maxScore: 20 },
  ],
  awards: [
    { key: 'first', label: 'Giải Nhất', count: 1 },
    { key: 'second', label: 'Giải Nhì', count: 1 },
  ],
};

/** A public vote of one provincial stage between two days (no rubric). */
export function voteDefinition(opensOn: string, closesOn: string) {
  return {
    ...DEFINITION,
    title: 'Bình chọn ảnh đẹp sinh hoạt chi hội',
    mode: 'public_vote',
    stages: [{ level: 'province', opensOn, closesOn, forward: { mode: 'top', count: 1 } }],
    criteria: [],
  };
}

/** The body of a new entry of `unitKey`. */
export function entryBody(unitKey: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    unitKey,
    title,
    description: `Mô tả ${title}`,
    audience: 'cadre',
    authorKind: 'individual',
    authors: ['Nguyễn Thị Lan'],
    links: ['https://example.org/video'],
    ...extra,
  };
}

/** A multipart body with one file in the field "file". */
export function multipart(fileName: string, contentType: string, data: Buffer) {
  const boundary = '----vwu-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Active members of a commune (Phường Tân Ninh of Tây Ninh unless told), to vote with. */
export async function addMembers(
  store: Store,
  members: readonly { memberKey: string; phone: string }[],
  where = { commune: '2025:25459', province: '2025:80' },
): Promise<void> {
  for (const { memberKey, phone } of members)
    await store.query(
      `INSERT INTO member (member_key, full_name, name_search, date_of_birth, ethnicity, phone, unit_key, commune_key,
         province_key, joined_on, created_at, updated_at)
       VALUES ($1, 'Hội viên', 'hoi vien', '1990-01-01', 'Kinh', $2, $3, $3, $4, '2020-01-01', now(), now())`,
      [memberKey, phone, where.commune, where.province],
    );
}
