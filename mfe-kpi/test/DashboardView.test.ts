import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, language, period, selectedUnit } from '@vwu/context';
import type * as Context from '@vwu/context';
import { EngineError } from '../src/engine/index.js';
import { detail, engine, get, instance, manifest, targetsAnswer } from './fake-engine.js';

vi.mock('@vwu/context', async (original) => {
  const actual = await original<typeof Context>();
  return {
    ...actual,
    api: { get: (path: string, options?: { signal?: AbortSignal }) => get(path, options) },
    // A province leader: her scope is Tây Ninh.
    session: actual.createObservable({
      status: 'signed-in',
      user: {
        id: 7,
        username: 'leader.tayninh',
        displayName: 'Lãnh đạo Tây Ninh',
        role: 'province_leader',
        scope: { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' },
      },
    }),
  };
});
vi.mock('../src/stores/engine-instance.js', () => ({ useEngine: () => instance, resetEngine: vi.fn() }));
const charts = vi.hoisted(() => ({
  options: [] as Record<string, unknown>[],
  clicks: [] as ((p: { name: string }) => void)[],
}));
vi.mock('../src/charts/load-echarts.js', () => ({
  loadEcharts: async () => ({
    init: () => ({
      setOption: (option: Record<string, unknown>) => charts.options.push(option),
      on: (_event: string, handler: (p: { name: string }) => void) => charts.clicks.push(handler),
      convertToPixel: () => [10, 20],
      resize: () => undefined,
      dispose: () => undefined,
    }),
  }),
}));
vi.mock('../src/map/load-province-map.js', async (original) => ({
  ...(await original<Record<string, unknown>>()),
  loadProvinceMap: async () => ({
    type: 'FeatureCollection',
    features: ['2025:80', '2025:04'].map((key) => ({
      type: 'Feature',
      properties: { key, name: key, from: [] },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      },
    })),
  }),
}));

const { default: DashboardView } = await import('../src/views/DashboardView.vue');

const CENTRAL = { key: '2025:TW', name: 'Trung ương Hội LHPN Việt Nam', level: 'central' as const };
const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [CENTRAL] };
const COMMUNES: [string, string][] = [
  ['2025:25459', 'Phường Tân Ninh'],
  ['2025:25460', 'Xã Hòa Thành'],
];

/** Rows the fake engine answers: incoming documents of November and per commune. */
function answerRows(sql: string) {
  const rows = [
    { kpi: 'docs-online', grain: 'month', key: '2026-10', num: 80, den: 100, x1: null, x2: null },
    { kpi: 'docs-online', grain: 'month', key: '2026-11', num: 1234, den: 1500, x1: null, x2: null },
    { kpi: 'docs-online', grain: 'unit', key: '2025:25459', num: 70, den: 70, x1: null, x2: null },
    { kpi: 'docs-online', grain: 'unit', key: '2025:25460', num: 30, den: 60, x1: null, x2: null },
    { kpi: 'meetings-digital', grain: 'month', key: '2026-11', num: 40, den: 100, x1: 2500, x2: 250 },
  ];
  return { columns: [], rows: sql.includes("'docs-online'") ? rows : [], rowCount: rows.length, ms: 3 };
}

function render() {
  return mount(DashboardView, { global: { plugins: [createPinia()] } });
}

enableAutoUnmount(afterEach);

beforeEach(() => {
  get.mockReset();
  engine.load.mockClear();
  engine.query.mockReset().mockImplementation(async (sql: string) => answerRows(sql));
  engine.retain.mockClear();
  instance.generation = undefined;
  charts.options.length = 0;
  period.set({ grain: 'month', from: '2026-11-01', to: '2026-11-30' });
  get.mockImplementation(async (path: string) => {
    if (path === '/analytics/manifest.json') return manifest();
    if (path === '/kpi/targets') return targetsAnswer();
    if (path === '/units/2025%3A80') return detail('2025:80', 'Tỉnh Tây Ninh', 'province', COMMUNES);
    if (path === '/units/2025%3A25460')
      return detail('2025:25460', 'Xã Hòa Thành', 'commune', [['2025:25460-01', 'Chi hội Ấp 1']]);
    throw new Error(`unexpected ${path}`);
  });
});

afterEach(() => {
  language.set('vi');
  selectedUnit.clear();
});

describe('target dashboard', () => {
  it('shows progress, then the targets of the province in Vietnamese formats with traffic lights', async () => {
    selectedUnit.select(TAY_NINH);
    const view = render();
    expect(view.get('[role="status"]').text()).toContain('Đang tìm dữ liệu cần thiết…');
    await flushPromises();
    const docs = view.get('[data-kpi="docs-online"]');
    expect(docs.text()).toContain('Văn bản đến được xử lý trên môi trường mạng');
    expect(docs.text()).toContain('82,3%');
    expect(docs.text()).toContain('Chưa đạt');
    expect(docs.text()).toContain('Chỉ tiêu: ≥ 100%');
    expect(docs.text()).toContain('1.234 / 1.500 văn bản đến (không mật)');
    const meetings = view.get('[data-kpi="meetings-digital"]');
    expect(meetings.text()).toContain('40%');
    expect(meetings.text()).toContain('Theo dõi');
    expect(meetings.text()).toContain('2.500 lượt tham dự, DTTS 10%');
    expect(view.get('[data-kpi="docs-signed"]').text()).toContain('Không có dữ liệu');
    expect(view.get('.footer').text()).toContain('DuckDB-WASM v1.4.3');
  });

  it('fetches only the partitions it needs: its province, six months, five event types, from the API', async () => {
    selectedUnit.select(TAY_NINH);
    render();
    await flushPromises();
    const files = engine.load.mock.calls[0]![0];
    expect(files).toHaveLength(30);
    expect(new Set(files.map((f) => f.province))).toEqual(new Set(['2025:80']));
    expect(new Set(files.map((f) => f.month))).toEqual(
      new Set(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']),
    );
    expect(files.some((f) => f.eventType === 'member.joined')).toBe(false);
    expect(files.every((f) => f.url.startsWith(`${location.origin}/api/analytics/events/`))).toBe(true);
    const [sql, params] = engine.query.mock.calls[0]!;
    expect(sql).toContain('FROM document_received WHERE current_province = ?');
    expect(params).toContain('2025:80');
  });

  it('draws the chosen target by month and ranks the communes; a card chooses another target', async () => {
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    expect(view.get('figcaption').text()).toBe(
      'Diễn biến theo tháng — Văn bản đến được xử lý trên môi trường mạng',
    );
    const option = charts.options.at(-1) as { xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['06/2026', '07/2026', '08/2026', '09/2026', '10/2026', '11/2026']);
    const rows = view.findAll('tbody tr[data-unit]');
    expect(rows.map((r) => r.get('.drill').text())).toEqual(['Phường Tân Ninh', 'Xã Hòa Thành']);
    expect(rows[1]!.text()).toContain('50%');
    expect(rows[1]!.text()).toContain('Chưa đạt');
    expect(view.get('.ranking .summary').text()).toContain('1/2 đơn vị đạt');
    await view.get('[data-kpi="meetings-digital"]').trigger('click');
    expect(view.get('[data-kpi="meetings-digital"]').attributes('aria-pressed')).toBe('true');
    expect(view.get('figcaption').text()).toContain('Sinh hoạt hội ứng dụng công nghệ thông tin');
  });

  it('drills down: a commune becomes the selected unit, its figures come from the resident data', async () => {
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    await view.findAll('.drill')[1]!.trigger('click');
    await flushPromises();
    expect(selectedUnit.get()).toEqual({
      key: '2025:25460',
      name: 'Xã Hòa Thành',
      level: 'commune',
      breadcrumb: [CENTRAL, { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' }],
    });
    expect(engine.load.mock.calls[1]![0].map((f) => f.sha256)).toEqual(
      engine.load.mock.calls[0]![0].map((f) => f.sha256),
    );
    expect(get.mock.calls.filter(([p]) => p === '/analytics/manifest.json')).toHaveLength(1);
    const [sql, params] = engine.query.mock.calls[1]!;
    expect(sql).toContain('WHERE current_commune = ?');
    expect(params).toContain('2025:25460');
  });

  it('goes back up to a unit seen before without asking the worker again (same manifest generation)', async () => {
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    const before = view.get('[data-kpi="docs-online"]').text();
    await view.findAll('.drill')[1]!.trigger('click');
    await flushPromises();
    await view.get('nav.trail button').trigger('click');
    await flushPromises();
    expect(selectedUnit.get()).toMatchObject({ key: '2025:80' });
    expect(engine.query).toHaveBeenCalledTimes(2);
    expect(engine.load).toHaveBeenCalledTimes(2);
    expect(view.get('[data-kpi="docs-online"]').text()).toBe(before);
  });

  it('compares each target with the period before, in percentage points', async () => {
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    // October 80/100, November 1234/1500 = 82,27%.
    expect(view.get('[data-kpi="docs-online"] [data-previous]').text()).toBe('Kỳ trước: 80% ▲ 2,3 điểm %');
    expect(view.get('[data-kpi="docs-signed"] [data-previous]').text()).toBe('Kỳ trước: —');
  });

  it("leads back up through breadcrumbs, never above the leader's own province", async () => {
    const commune = { key: '2025:25460', name: 'Xã Hòa Thành', level: 'commune' as const };
    selectedUnit.select({
      ...commune,
      breadcrumb: [CENTRAL, { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' }],
    });
    const view = render();
    await flushPromises();
    const trail = view.get('nav.trail');
    expect(trail.findAll('button').map((b) => b.text())).toEqual(['Tỉnh Tây Ninh']);
    expect(trail.text()).toContain('Trung ương Hội LHPN Việt Nam');
    expect(trail.get('[aria-current="page"]').text()).toBe('Xã Hòa Thành');
    await trail.get('button').trigger('click');
    expect(selectedUnit.get()).toMatchObject({ key: '2025:80', breadcrumb: [CENTRAL] });
    // At her own province there is nowhere further up to go: no trail.
    await flushPromises();
    expect(view.find('nav.trail').exists()).toBe(false);
  });

  it.each([
    { month: '2025-08', note: true },
    { month: '2026-11', note: false },
  ])('notes how history before 07/2025 was re-attributed: $month → $note', async ({ month, note }) => {
    period.set({ grain: 'month', from: `${month}-01`, to: `${month}-28` });
    const year = month.slice(0, 4);
    const files = manifest().files.map((f) => ({
      ...f,
      month: f.month.replace('2026', year),
      path: f.path.replace('month=2026', `month=${year}`),
    }));
    get.mockImplementation(async (path: string) => {
      if (path === '/analytics/manifest.json') return { ...manifest(), files };
      if (path === '/kpi/targets') return targetsAnswer();
      return detail('2025:80', 'Tỉnh Tây Ninh', 'province', COMMUNES);
    });
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    expect(view.find('[data-history-note]').exists()).toBe(note);
    if (note) expect(view.get('[data-history-note]').text()).toContain('Toàn bộ số liệu của đơn vị cũ');
  });

  it('shows the country with a map of the provinces coloured by attainment; a province drills down', async () => {
    get.mockImplementation(async (path: string) => {
      if (path === '/analytics/manifest.json') {
        const m = manifest();
        m.files.at(-1)!.month = '2026-11'; // Cao Bằng's file, in the trend's months
        return m;
      }
      if (path === '/kpi/targets') return targetsAnswer();
      if (path === '/units/2025%3ATW')
        return detail('2025:TW', CENTRAL.name, 'central', [
          ['2025:80', 'Tỉnh Tây Ninh'],
          ['2025:04', 'Tỉnh Cao Bằng'],
        ]);
      return detail('2025:80', 'Tỉnh Tây Ninh', 'province', COMMUNES);
    });
    engine.query.mockImplementation(async () => ({
      columns: [],
      rows: [
        { kpi: 'docs-online', grain: 'month', key: '2026-11', num: 90, den: 100, x1: null, x2: null },
        { kpi: 'docs-online', grain: 'unit', key: '2025:80', num: 95, den: 100, x1: null, x2: null },
        { kpi: 'docs-online', grain: 'unit', key: '2025:04', num: 5, den: 10, x1: null, x2: null },
      ],
      rowCount: 3,
      ms: 1,
    }));
    selectedUnit.select({ ...CENTRAL, breadcrumb: [] });
    const view = render();
    await flushPromises();
    const files = engine.load.mock.calls[0]![0];
    expect(new Set(files.map((f) => f.province))).toEqual(new Set(['2025:80', '2025:04']));
    const [sql] = engine.query.mock.calls[0]!;
    expect(sql).not.toContain('current_province = ?');
    expect(sql).toContain('GROUP BY current_province');
    expect(view.text()).toContain('Bản đồ 34 tỉnh, thành phố — Văn bản đến được xử lý trên môi trường mạng');
    const map = charts.options.find((o) => JSON.stringify(o).includes('vwu-provinces-2025')) as {
      series: { data: { name: string; itemStyle: { areaColor: string } }[] }[];
    };
    // Target 100 % at province level: 95 % is near (amber), 50 % far below (dark red).
    expect(map.series[0]!.data.map((d) => [d.name, d.itemStyle.areaColor])).toEqual([
      ['2025:80', '#f0b429'],
      ['2025:04', '#9b1c1c'],
    ]);
    expect(view.get('.legend').text()).toContain('Gần đạt (thiếu ≤ 10 điểm)');
    charts.clicks.at(-1)!({ name: '2025:80' });
    expect(selectedUnit.get()).toMatchObject({ key: '2025:80', breadcrumb: [CENTRAL] });
  });

  it.each([
    {
      name: 'the API refuses the manifest',
      fail: () =>
        get.mockRejectedValueOnce(
          new ApiError({
            code: 'OUT_OF_SCOPE',
            status: 403,
            messages: { vi: 'Ngoài phạm vi', en: 'Out of scope' },
            language: 'vi',
          }),
        ),
      shown: 'Ngoài phạm vi',
    },
    {
      name: 'a file does not match the manifest',
      fail: () =>
        engine.load.mockRejectedValueOnce(
          new EngineError({ name: 'IntegrityError', message: 'SHA-256 differs' }),
        ),
      shown: 'IntegrityError: SHA-256 differs',
    },
  ])('shows an error with a retry when $name', async ({ fail, shown }) => {
    fail();
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toContain('Chưa tính được chỉ tiêu');
    expect(view.get('[role="alert"]').text()).toContain(shown);
    await view.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(view.find('[role="alert"]').exists()).toBe(false);
    expect(view.find('[data-kpi="docs-online"]').exists()).toBe(true);
  });

  it('has an empty state for a unit without activity in the period', async () => {
    engine.query.mockResolvedValue({ columns: [], rows: [], rowCount: 0, ms: 1 });
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    expect(view.text()).toContain('Chưa có dữ liệu hoạt động của đơn vị trong kỳ này.');
  });

  it('drops resident files of an older manifest generation before loading', async () => {
    instance.generation = 0;
    selectedUnit.select(TAY_NINH);
    render();
    await flushPromises();
    expect(engine.retain).toHaveBeenCalledWith(manifest().files.map((f) => f.sha256));
    expect(instance.generation).toBe(1);
  });

  it('follows the language', async () => {
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    language.set('en');
    await flushPromises();
    expect(view.get('[data-kpi="docs-online"]').text()).toContain('Incoming documents processed online');
    expect(view.get('[data-kpi="docs-online"]').text()).toContain('Not met');
    expect(view.get('[data-kpi="docs-online"]').text()).toContain('82,3%');
  });
});
