// A complete contest in Chromium, on the built console in front of the real API (PGlite): launch by the
// central organisers, entries from three communes of Tây Ninh (one with a PDF), a provincial jury of three
// (one judge from Phường Tân Ninh is refused on her commune's entry), a late submission refused, a correction
// with its reason, the provincial stage closed and the best forwarded to the central jury of three, awards,
// certificates downloaded and read back. Also: an entry edited before the deadline (not after), the jury
// downloading an entry's file, the provincial organiser closing her jury before the stage closes. Screenshots in mfe-contests/.artifacts/e2e (git-ignored).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../api/src/index.ts';
import { launchChromium, signIn, type Browser, type Page } from '../../../shell/test-kit/browser.ts';
import { startContestConsole, type ContestConsole } from './contest-console.ts';

const SHOTS = fileURLToPath(new URL('../../.artifacts/e2e/', import.meta.url));
let server: ContestConsole;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startContestConsole('2025-09-01T09:00:00+07:00');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context signed in as `username`, on the contests module. */
async function as(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/contests`);
  await signIn(page, username, DEMO_PASSWORD);
  await page.locator('.vwu-frame-title', { hasText: 'Hội thi' }).waitFor();
  return page;
}

async function openContest(page: Page): Promise<void> {
  await page.locator('button.open').first().click();
  await page.locator('.timeline').waitFor();
}

async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

async function done(page: Page): Promise<void> {
  await page.context().close();
}

/** The status line after an action: the notice, or the refusal. */
async function outcome(page: Page): Promise<string> {
  const line = page.locator('.notice, .problem').first();
  await line.waitFor();
  return (await line.textContent()) ?? '';
}

const ATTACHMENT = Buffer.from('%PDF-1.4\n% thuyết minh sản phẩm\n');

const ENTRIES: [string, string, string][] = [
  ['officer.tanninh', 'Sổ tay sinh hoạt chi hội trên Zalo', 'Nguyễn Thị Lan'],
  ['officer.tanninh', 'Điểm danh sinh hoạt bằng mã QR', 'Chi hội Khu phố 3'],
  ['officer.binhminh', 'Sinh hoạt trực tuyến cho hội viên đi làm xa', 'Trần Thị Hoa'],
  ['officer.tanbien', 'Video hướng dẫn dịch vụ công', 'Lê Thị Mai'],
];

/** Scores per entry title for the three provincial judges: [creativity, effect, replicable]. */
const PROVINCE_MARKS: Record<string, Record<string, [number, number, number]>> = {
  'judge.tayninh.1': {
    'Sổ tay sinh hoạt chi hội trên Zalo': [27, 36, 26],
    'Điểm danh sinh hoạt bằng mã QR': [18, 22, 20],
    'Sinh hoạt trực tuyến cho hội viên đi làm xa': [25, 33, 27],
    'Video hướng dẫn dịch vụ công': [15, 20, 14],
  },
  'judge.tayninh.2': {
    'Sổ tay sinh hoạt chi hội trên Zalo': [26, 35, 25],
    'Điểm danh sinh hoạt bằng mã QR': [20, 21, 19],
    'Sinh hoạt trực tuyến cho hội viên đi làm xa': [24, 34, 26],
    'Video hướng dẫn dịch vụ công': [16, 22, 15],
  },
  'judge.tanninh': {
    'Sinh hoạt trực tuyến cho hội viên đi làm xa': [26, 35, 27],
    'Video hướng dẫn dịch vụ công': [14, 21, 16],
  },
};

async function scoreSheet(page: Page, title: string, marks: [number, number, number]): Promise<string> {
  const sheet = page.locator('.sheet', { hasText: title });
  const keys = ['creativity', 'effect', 'replicable'];
  for (const [i, key] of keys.entries()) {
    await sheet.locator(`input[name="score-${key}"]`).fill(String(marks[i]));
    await sheet.locator(`input[name="comment-${key}"]`).fill(`Nhận xét ${i + 1}`);
  }
  await sheet.getByRole('button', { name: 'Lưu điểm' }).click();
  return outcome(page);
}

describe('a contest from launch to forwarding to central, in Chromium', () => {
  it('is launched by the central organisers with two jury levels', async () => {
    const page = await as('organiser.central');
    await page.getByRole('button', { name: 'Tạo hội thi' }).click();
    await page.locator('input[name="opens-0"]').fill('01/09/2025');
    await page.locator('input[name="closes-0"]').fill('20/09/2025');
    await page.locator('input[name="opens-1"]').fill('21/09/2025');
    await page.locator('input[name="closes-1"]').fill('25/09/2025');
    await shot(page, '01-define');
    await page.getByRole('button', { name: 'Lưu' }).click();
    expect(await outcome(page)).toBe('Đã tạo hội thi.');
    await expect
      .poll(() => page.locator('.timeline li').allTextContents())
      .toEqual([
        expect.stringMatching(/Vòng 1.*cấp tỉnh.*01\/09\/2025 – 20\/09\/2025.*Đang mở/s),
        expect.stringMatching(/Vòng 2.*cấp Trung ương.*21\/09\/2025 – 25\/09\/2025.*Chưa mở/s),
      ]);
    await shot(page, '02-launched');
    await done(page);
  });

  it('has its juries seated by the provincial and central organisers', async () => {
    for (const [organiser, stage, unit, judges] of [
      ['organiser.tayninh', 'Vòng 1', '2025:80', ['judge.tayninh.1', 'judge.tayninh.2', 'judge.tanninh']],
      ['organiser.central', 'Vòng 2', '2025:TW', ['judge.central', 'judge.central.2', 'judge.central.3']],
    ] as const) {
      const page = await as(organiser);
      await openContest(page);
      await tab(page, 'Ban tổ chức');
      for (const username of judges) {
        await page.locator('select[name="seatStage"]').selectOption({ label: stage });
        await page.locator('input[name="juryUnit"]').fill(unit);
        await page.locator('input[name="username"]').fill(username);
        await page.getByRole('button', { name: 'Phân công giám khảo' }).click();
        expect(await outcome(page)).toBe('Đã phân công giám khảo.');
      }
      await shot(page, `03-juries-${organiser}`);
      await done(page);
    }
  });

  it('takes entries from three communes, one with a PDF attachment', async () => {
    for (const [officer, title, author] of ENTRIES) {
      const page = await as(officer);
      await openContest(page);
      await page.locator('input[name="entryTitle"]').fill(title);
      await page.locator('textarea[name="description"]').fill(`Giải pháp: ${title}.`);
      await page.locator('textarea[name="authors"]').fill(author);
      await page.locator('textarea[name="links"]').fill('https://zalo.me/g/hoi-phu-nu-demo');
      if (title.includes('Zalo'))
        await page.locator('input[name="files"]').setInputFiles({
          name: 'thuyet-minh.pdf',
          mimeType: 'application/pdf',
          buffer: ATTACHMENT,
        });
      await page.getByRole('button', { name: 'Nộp bài dự thi' }).click();
      expect(await outcome(page)).toBe('Đã nộp bài dự thi.');
      if (title.includes('Zalo')) {
        await expect.poll(() => page.locator('tbody').textContent()).toContain('thuyet-minh.pdf');
        await shot(page, '04-entry-with-attachment');
      }
      if (officer === 'officer.tanbien') {
        // Editable until the stage closes: a second author is added.
        await page.locator('tr', { hasText: title }).getByRole('button', { name: 'Sửa bài dự thi' }).click();
        await page.locator('textarea[name="authors"]').fill(`${author}\nTrần Thị Hoa`);
        await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
        expect(await outcome(page)).toBe('Đã lưu thay đổi của bài dự thi.');
        await expect
          .poll(() => page.locator('tr', { hasText: title }).textContent())
          .toContain(`${author}, Trần Thị Hoa`);
        await shot(page, '04b-entry-edited');
      }
      await done(page);
    }
  });

  it('is scored by the provincial jury; a judge is refused on her own commune’s entry', async () => {
    for (const [judge, sheets] of Object.entries(PROVINCE_MARKS)) {
      const page = await as(judge);
      await openContest(page);
      if (judge === 'judge.tayninh.1') {
        // The jury reads the entry's file: the bytes the commune uploaded.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page
            .locator('.sheet', { hasText: 'Zalo' })
            .getByRole('button', { name: /thuyet-minh\.pdf/ })
            .click(),
        ]);
        expect(download.suggestedFilename()).toBe('thuyet-minh.pdf');
        await download.saveAs(`${SHOTS}attachment-judge.pdf`);
        expect(readFileSync(`${SHOTS}attachment-judge.pdf`).equals(ATTACHMENT)).toBe(true);
      }
      for (const [title, marks] of Object.entries(sheets))
        expect(await scoreSheet(page, title, marks)).toBe('Đã lưu điểm.');
      if (judge === 'judge.tanninh') {
        const refused = await scoreSheet(page, 'Sổ tay sinh hoạt chi hội trên Zalo', [30, 40, 30]);
        expect(refused).toContain(
          'Bạn không được chấm bài này vì bài của chính đơn vị bạn (Phường Tân Ninh)',
        );
        await expect
          .poll(() => page.locator('.progress-text').textContent())
          .toBe('Đã chấm 2 · Còn lại 0 · Không chấm (cùng đơn vị) 2');
        await shot(page, '05-conflict-refused');
      }
      await done(page);
    }
  });

  it('refuses a late submission after the deadline', async () => {
    server.setNow('2025-09-21T08:00:00+07:00');
    const page = await as('officer.binhminh');
    await openContest(page);
    await page.locator('input[name="entryTitle"]').fill('Bài nộp muộn');
    await page.locator('textarea[name="authors"]').fill('Phạm Thị Thu');
    await page.getByRole('button', { name: 'Nộp bài dự thi' }).click();
    expect(await outcome(page)).toContain('Đã quá hạn của vòng 1 (20/09/2025)');
    expect(await page.getByRole('button', { name: 'Sửa bài dự thi' }).count()).toBe(0);
    await shot(page, '06-late-refused');
    await done(page);
  });

  it('has a score corrected with a reason, then closes the provincial stage and forwards the best', async () => {
    const page = await as('organiser.central');
    await openContest(page);
    await tab(page, 'Ban tổ chức');
    await page
      .locator('select[name="fixEntry"]')
      .selectOption({ label: 'Điểm danh sinh hoạt bằng mã QR — Phường Tân Ninh' });
    await page.locator('select[name="fixStage"]').selectOption({ label: 'Vòng 1' });
    await page.locator('select[name="fixJudge"]').selectOption({ label: 'Giám khảo tỉnh Tây Ninh 1 (demo)' });
    await page.locator('select[name="fixCriterion"]').selectOption({ label: 'Hiệu quả trong sinh hoạt hội' });
    await page.locator('input[name="fixValue"]').fill('32');
    await page.locator('input[name="fixReason"]').fill('sửa');
    await page.getByRole('button', { name: 'Điều chỉnh điểm' }).click();
    expect(await outcome(page)).toContain('cần ghi lý do');
    await page
      .locator('input[name="fixReason"]')
      .fill('Giám khảo nhập nhầm 22 thay vì 32 (biên bản họp ban giám khảo ngày 21/09/2025)');
    await page.getByRole('button', { name: 'Điều chỉnh điểm' }).click();
    expect(await outcome(page)).toBe('Đã điều chỉnh điểm (có ghi nhật ký).');
    await shot(page, '07-correction');
    // The province announces its jury's ranking and forwards its best without waiting for the whole stage.
    const province = await as('organiser.tayninh');
    await openContest(province);
    await tab(province, 'Ban tổ chức');
    await province.locator('[data-jury="2025:80"]').click();
    expect(await outcome(province)).toContain('Đã kết thúc chấm của ban giám khảo Tỉnh Tây Ninh');
    const closedJury = province.locator('[data-jury="2025:80"]');
    await expect.poll(() => closedJury.isDisabled()).toBe(true);
    expect(await closedJury.textContent()).toContain('đã kết thúc chấm');
    await shot(province, '07b-province-jury-closed');
    await done(province);
    await page.getByRole('button', { name: 'Kết thúc vòng 1 và chuyển bài' }).click();
    expect(await outcome(page)).toBe('Đã kết thúc vòng thi và chuyển bài lên vòng sau.');
    await tab(page, 'Kết quả');
    const rows = page.locator('section', { hasText: 'Vòng 1' }).locator('tbody tr.up');
    await expect.poll(() => rows.count()).toBe(2);
    await shot(page, '08-province-results');
    await done(page);
    const audit = await server.store.query<{ after: { reason: string } }>(
      "SELECT after FROM audit_log WHERE action = 'contest.score_correct'",
    );
    expect(audit.rows.map((r) => r.after.reason)).toEqual([
      'Giám khảo nhập nhầm 22 thay vì 32 (biên bản họp ban giám khảo ngày 21/09/2025)',
    ]);
  });

  it('is scored by the central jury on the forwarded entries, closed with awards, certificates downloaded', async () => {
    const forwarded: string[] = [];
    for (const [i, judge] of ['judge.central', 'judge.central.2', 'judge.central.3'].entries()) {
      const page = await as(judge);
      await openContest(page);
      const titles = await page.locator('.sheet header strong').allTextContents();
      if (i === 0) forwarded.push(...titles);
      expect(titles).toHaveLength(2);
      for (const [n, title] of titles.entries())
        expect(await scoreSheet(page, title, n === 0 ? [28, 38, 27] : [24, 33, 25])).toBe('Đã lưu điểm.');
      if (i === 2) await shot(page, '09-central-scoring');
      await done(page);
    }
    server.setNow('2025-09-26T09:00:00+07:00');
    const page = await as('organiser.central');
    await openContest(page);
    await tab(page, 'Ban tổ chức');
    await page.getByRole('button', { name: 'Kết thúc vòng 2 và chuyển bài' }).click();
    expect(await outcome(page)).toBe('Đã kết thúc vòng thi và chuyển bài lên vòng sau.');
    await tab(page, 'Kết quả');
    const awards = page.locator('[data-award]');
    await expect.poll(() => awards.count()).toBe(2);
    expect(await awards.first().textContent()).toContain(`Giải Nhất: ${forwarded[0]}`);
    await shot(page, '10-awards');
    for (const n of [0, 1]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        awards.nth(n).getByRole('button', { name: 'Tải giấy chứng nhận' }).click(),
      ]);
      const path = `${SHOTS}certificate-${n + 1}.pdf`;
      await download.saveAs(path);
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.toString('latin1')).toMatch(/NotoSans-Bold/);
      // The text as a reader extracts it (poppler): Vietnamese diacritics mapped to the embedded font.
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
      expect(text).toContain('GIẤY CHỨNG NHẬN');
      expect(text).toContain(forwarded[n]);
      expect(text).toMatch(/Đã đạt Giải (Nhất|Nhì)/);
    }
    await done(page);
  });
});
