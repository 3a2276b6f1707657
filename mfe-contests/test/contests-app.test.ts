// The module's screens in happy-dom over a fake API client: list with dd/MM/yyyy dates, a judge's sheets
// with progress and the conflict notice, the scores sent, results in Vietnamese number format, an API
// refusal shown in the interface language; a public vote's ballot, the vote sent, counts after close.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, language } from '@vwu/context';
import type * as Context from '@vwu/context';
import { assignment, ballot, contest, results } from './fixtures.js';

const get = vi.fn<(path: string) => Promise<unknown>>();
const request = vi.fn<(method: string, path: string, options?: { body?: unknown }) => Promise<unknown>>();

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: {
    get: (path: string) => get(path),
    request: (method: string, path: string, options?: { body?: unknown }) => request(method, path, options),
    post: (path: string, body?: unknown) => request('POST', path, { body }),
  },
}));

const { default: ContestsApp } = await import('../src/ContestsApp.vue');

enableAutoUnmount(afterEach);
afterEach(() => {
  get.mockReset();
  request.mockReset();
  language.set('vi');
});

function answer(routes: Record<string, unknown>): void {
  get.mockImplementation(async (path) => {
    if (!(path in routes)) throw new Error(`unexpected GET ${path}`);
    return routes[path];
  });
}

async function render() {
  const view = mount(ContestsApp, { global: { plugins: [createPinia()] } });
  await flushPromises();
  return view;
}

const JUDGE_ROUTES = {
  '/contests': { contests: [contest({ judge: true })] },
  '/contests/7': contest({ judge: true }),
  '/contests/7/entries': { entries: [] },
  '/contests/7/judges': { judges: [] },
  '/contests/7/judging': { assignments: [assignment()] },
  '/contests/7/results': { tieBreak: '', stages: [], awards: [] },
  '/contests/7/participation': { units: [] },
};

describe('contests module', () => {
  it.each([
    [
      'vi',
      [
        'Vòng 1 (cấp tỉnh): 01/09/2025 – 20/09/2025 · Đang mở',
        'Vòng 2 (cấp Trung ương): 21/09/2025 – 25/09/2025 · Chưa mở',
      ],
    ],
    [
      'en',
      [
        'Stage 1 (province level): 01/09/2025 – 20/09/2025 · Open',
        'Stage 2 (central level): 21/09/2025 – 25/09/2025 · Not open yet',
      ],
    ],
  ] as const)('lists contests with their stages in %s', async (lang, stages) => {
    language.set(lang);
    answer(JUDGE_ROUTES);
    const view = await render();
    expect(view.find('h1').text()).toBe(lang === 'vi' ? 'Hội thi' : 'Contests');
    expect(view.findAll('.stages li').map((li) => li.text().replace(/\s+/g, ' '))).toEqual(stages);
  });

  it('opens a contest on the judge’s sheets: progress, the conflict notice, and sends the scores', async () => {
    answer(JUDGE_ROUTES);
    const view = await render();
    await view.get('button.open').trigger('click');
    await flushPromises();
    expect(view.get('.progress-text').text()).toBe('Đã chấm 1 · Còn lại 2 · Không chấm (cùng đơn vị) 1');
    expect(view.get('[data-sheet="11"] .warn').text()).toBe('Bài của đơn vị bạn: bạn không chấm bài này.');
    expect(view.find('[data-sheet="12"] .warn').exists()).toBe(false);
    const sheet = view.get('[data-sheet="12"]');
    await sheet.get('input[name="score-idea"]').setValue('8');
    await sheet.get('input[name="comment-idea"]').setValue('Sáng tạo');
    await sheet.get('input[name="score-impact"]').setValue('17.5');
    request.mockResolvedValue({ assignments: [assignment()] });
    await sheet.get('form').trigger('submit');
    await flushPromises();
    expect(request).toHaveBeenCalledWith('PUT', '/contests/7/entries/12/scores', {
      body: {
        stageIndex: 0,
        scores: [
          { criterion: 'idea', value: 8, comment: 'Sáng tạo' },
          { criterion: 'impact', value: 17.5, comment: '' },
        ],
      },
    });
    expect(view.get('[role="status"]').text()).toBe('Đã lưu điểm.');
  });

  it.each(['vi', 'en'] as const)('shows the API’s refusal in %s', async (lang) => {
    language.set(lang);
    answer(JUDGE_ROUTES);
    const view = await render();
    await view.get('button.open').trigger('click');
    await flushPromises();
    request.mockRejectedValue(
      new ApiError({
        code: 'CONFLICT_OF_INTEREST' as never,
        status: 403,
        messages: { vi: 'Bạn không được chấm bài này.', en: 'You cannot score this entry.' },
        language: lang,
      }),
    );
    await view.get('[data-sheet="11"] form').trigger('submit');
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toBe(
      lang === 'vi' ? 'Bạn không được chấm bài này.' : 'You cannot score this entry.',
    );
  });

  it('shows results with scores in Vietnamese format, awards and the forwarded entries', async () => {
    answer({
      ...JUDGE_ROUTES,
      '/contests/7/results': results(),
      '/contests': { contests: [contest()] },
      '/contests/7': contest(),
    });
    const view = await render();
    await view.get('button.open').trigger('click');
    await flushPromises();
    const tab = view.findAll('[role="tab"]').find((b) => b.text() === 'Kết quả')!;
    await tab.trigger('click');
    expect(view.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual([
      ['1', 'Điểm danh QR', 'Phường Bình Minh', '86,88', '3', 'Có'],
      ['2', 'Sổ tay Zalo', 'Phường Tân Ninh', '—', '0', ''],
    ]);
    expect(view.get('[data-award="12"]').text()).toContain('Giải Nhất: Điểm danh QR — Phường Bình Minh');
  });

  it.each([
    ['open', ['Ảnh A · Phường Tân Ninh', 'Ảnh B · Phường Bình Minh'], []],
    [
      'deadline_passed',
      [],
      [
        ['Ảnh B', '1.234'],
        ['Ảnh A', '5'],
      ],
    ],
  ] as const)('shows a public vote’s ballot (%s)', async (status, choices, counts) => {
    const vote = { ...contest(), definition: { ...contest().definition, mode: 'public_vote' as const } };
    answer({
      ...JUDGE_ROUTES,
      '/contests': { contests: [vote] },
      '/contests/7': vote,
      '/contests/7/ballot': ballot(status),
    });
    const view = await render();
    await view.get('button.open').trigger('click');
    await flushPromises();
    expect(view.get('[role="tab"][aria-selected="true"]').text()).toBe('Bình chọn');
    expect(view.findAll('.choice strong').map((c) => c.element.parentElement!.textContent!.trim())).toEqual(
      choices,
    );
    expect(view.findAll('.results tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()))).toEqual(
      counts,
    );
    expect(view.find('.hidden-results').exists()).toBe(status === 'open');
    if (status !== 'open') return;
    await view.get('[data-ballot="22"] input').setValue(true);
    await view.get('input[name="memberKey"]').setValue(' HV-80-00001 ');
    await view.get('input[name="phone"]').setValue('0912000001');
    request.mockResolvedValue({ entryId: 22 });
    await view.get('form.ballot').trigger('submit');
    await flushPromises();
    expect(request).toHaveBeenCalledWith('POST', '/contests/7/votes', {
      body: { entryId: 22, memberKey: 'HV-80-00001', phone: '0912000001' },
    });
    expect(view.get('[role="status"]').text()).toBe('Đã ghi nhận bình chọn của hội viên.');
  });
});
