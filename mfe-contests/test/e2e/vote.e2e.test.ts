// A public vote in Chromium, on the built console in front of the real API (PGlite): the ballot shows the
// entries (no authors) and hides the counts while open; a member votes with her member key and phone; a second
// vote of hers, a wrong phone and a connection past its hourly cap are refused with messages a person can act
// on; after the last day the ballot takes no votes and shows the counts. Screenshots in .artifacts/vote.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../api/src/index.ts';
import { addMembers, entryBody, voteDefinition } from '../../../api/test/contests-fixture.ts';
import { signIn as apiSignIn } from '../../../api/test/helpers/app.ts';
import { launchChromium, signIn, type Browser, type Page } from '../../../shell/test-kit/browser.ts';
import { startContestConsole, type ContestConsole } from './contest-console.ts';

const SHOTS = fileURLToPath(new URL('../../.artifacts/vote/', import.meta.url));
const MEMBERS = Array.from({ length: 21 }, (_, i) => ({
  memberKey: `HV-80-${String(i + 1).padStart(5, '0')}`,
  phone: `09120000${String(i + 1).padStart(2, '0')}`,
}));
let server: ContestConsole;
let browser: Browser;
let page: Page;
const titles: Record<number, string> = {};

/** Calls the API as a demo user, as the organisers' and officers' screens would. */
async function call(user: string, method: 'POST' | 'PATCH', url: string, payload: object) {
  const { accessToken } = await apiSignIn(server.app, user, DEMO_PASSWORD);
  const answer = await server.app.inject({
    method,
    url,
    payload: payload as Record<string, unknown>,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(answer.statusCode, answer.body).toBeLessThan(300);
  return answer.json<{ id: number }>();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startContestConsole('2025-10-01T09:00:00+07:00');
  await addMembers(server.store, MEMBERS);
  const { id } = await call('organiser.tayninh', 'POST', '/contests', {
    ownerUnit: '2025:80',
    definition: voteDefinition('2025-10-01', '2025-10-10'),
  });
  for (const [user, unit, title] of [
    ['officer.tanninh', '2025:25459', 'Chi hội Khu phố 3 sinh hoạt cùng con'],
    ['officer.binhminh', '2025:25480', 'Góc đọc sách của chi hội Bình Minh'],
  ] as const)
    titles[(await call(user, 'POST', `/contests/${id}/entries`, entryBody(unit, title))).id] = title;
  browser = await launchChromium();
  page = await openBallot('officer.tanninh');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context signed in as `user`, on the contest's vote tab. */
async function openBallot(user: string): Promise<Page> {
  const opened = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await opened.goto(`${server.url}/contests`);
  await signIn(opened, user, DEMO_PASSWORD);
  await opened.locator('button.open').first().click();
  await opened.locator('.vote').waitFor();
  return opened;
}

/** Casts a vote through the ballot (on `on`, the console's vote tab by default) and returns the status line. */
async function vote(title: string, memberKey: string, phone: string, on: Page = page): Promise<string> {
  await on.locator('.choice', { hasText: title }).locator('input').check();
  await on.locator('input[name="memberKey"]').fill(memberKey);
  await on.locator('input[name="phone"]').fill(phone);
  await on.getByRole('button', { name: 'Gửi bình chọn' }).click();
  const line = on.locator('.notice, .problem').first();
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

describe('a public vote in Chromium', () => {
  it('shows the ballot without authors or counts, and takes one vote per member', async () => {
    await expect.poll(() => page.locator('.choice strong').allTextContents()).toEqual(Object.values(titles));
    expect(await page.locator('.vote').textContent()).not.toContain('Nguyễn Thị Lan');
    expect(await page.locator('.hidden-results').textContent()).toContain(
      'Kết quả bình chọn được công bố sau khi kết thúc bình chọn (10/10/2025)',
    );
    const [a, b] = Object.values(titles) as [string, string];
    const first = MEMBERS[0]!;
    expect(await vote(b, first.memberKey, first.phone)).toBe('Đã ghi nhận bình chọn của hội viên.');
    await page.screenshot({ path: `${SHOTS}01-voted.png`, fullPage: true });
    expect(await vote(a, first.memberKey, first.phone)).toContain('mỗi hội viên chỉ được bình chọn một lần');
    expect(await vote(a, MEMBERS[1]!.memberKey, '0999999999')).toContain(
      'Mã hội viên và số điện thoại không khớp',
    );
    await page.screenshot({ path: `${SHOTS}02-refused.png`, fullPage: true });
  });

  it('a member without a console account votes from the link shared in her group', async () => {
    const link = await page.locator('[data-share]').getAttribute('href');
    expect(link).toMatch(/\/binh-chon\/\d+$/);
    const phone = await (await browser.newContext({ viewport: { width: 412, height: 915 } })).newPage();
    await phone.goto(link!);
    await phone.locator('.public-ballot .vote').waitFor();
    expect(await phone.locator('.public-ballot h2').textContent()).toBe(
      'Bình chọn ảnh đẹp sinh hoạt chi hội',
    );
    // No sign-in, no console navigation or pickers: only the ballot.
    expect(await phone.locator('.vwu-nav, .vwu-pickers, input[type="password"]').count()).toBe(0);
    await expect.poll(() => phone.locator('.choice strong').allTextContents()).toEqual(Object.values(titles));
    const [a] = Object.values(titles) as [string];
    const member = MEMBERS[1]!;
    expect(await vote(a, member.memberKey, member.phone, phone)).toBe('Đã ghi nhận bình chọn của hội viên.');
    await phone.screenshot({ path: `${SHOTS}01b-public-link.png`, fullPage: true });
    await phone.goto(`${server.url}/binh-chon/abc`);
    expect(await phone.getByRole('alert').first().textContent()).toContain('Đường dẫn bình chọn không đúng');
    await phone.context().close();
  });

  it('refuses a connection past its hourly cap', async () => {
    const [a] = Object.values(titles) as [string];
    // Votes 3–20 of this connection within the hour (the second came from the shared link); the 21st is refused.
    for (const m of MEMBERS.slice(2, 20))
      expect(await vote(a, m.memberKey, m.phone)).toContain('Đã ghi nhận');
    const last = MEMBERS[20]!;
    expect(await vote(a, last.memberKey, last.phone)).toContain('quá nhiều lượt bình chọn');
    await page.screenshot({ path: `${SHOTS}03-limit.png`, fullPage: true });
  });

  it('shows the counts after the last day and takes no more votes', async () => {
    server.setNow('2025-10-11T08:00:00+07:00');
    await page.context().close();
    page = await openBallot('leader.tayninh');
    await page.locator('.vote .results').waitFor();
    expect(await page.locator('.ballot').count()).toBe(0);
    const rows = await page.locator('.results tbody tr').allTextContents();
    const [a, b] = Object.values(titles) as [string, string];
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([`${a} 19`, `${b} 1`]);
    await page.screenshot({ path: `${SHOTS}04-results.png`, fullPage: true });
  });
});
