import { describe, expect, it } from 'vitest';
import { computeDashboard, dashboardScope, KPIS, parseTargets } from '../src/kpi/index.js';
import type { DashboardRow } from '../src/kpi/queries.js';
import { buildReport, cellText, reportPeriod, type ReportKind } from '../src/reports/report-model.js';
import { targetsAnswer } from './fake-engine.js';

const CENTRAL = { key: '2025:TW', name: 'Trung ương Hội LHPN Việt Nam', level: 'central' as const };
const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [CENTRAL] };
const COMMUNES = [
  { key: '2025:25460', name: 'Xã Hòa Thành', level: 'commune' as const },
  { key: '2025:25459', name: 'Phường Tân Ninh', level: 'commune' as const },
];

const row = (
  kpi: string,
  grain: 'month' | 'unit',
  key: string,
  num: number,
  den: number | null,
): DashboardRow => ({
  kpi,
  grain,
  key,
  num,
  den,
  x1: null,
  x2: null,
});

/** Rows of the dashboard query for Tây Ninh: H1 2026 and the half before, per month and per commune. */
const ROWS: DashboardRow[] = [
  row('docs-online', 'month', '2025-12', 40, 100), // previous half: 40 %
  row('docs-online', 'month', '2026-02', 300, 400),
  row('docs-online', 'month', '2026-05', 600, 600), // H1: 900/1000 = 90 %
  row('docs-online', 'unit', '2025:25459', 700, 700),
  row('docs-online', 'unit', '2025:25460', 200, 300),
  row('meetings-digital', 'month', '2026-03', 30, 120),
  row('meetings-digital', 'unit', '2025:25459', 30, 100),
  row('posts-communes', 'month', '2026-01', 2, null),
  row('posts-communes', 'unit', '2025:25459', 6, null),
  row('posts-communes', 'unit', '2025:25460', 2, null),
];

function report(kind: ReportKind, year = 2026) {
  const scope = dashboardScope(TAY_NINH, reportPeriod(kind, year))!;
  const results = computeDashboard(ROWS, KPIS, {
    scope,
    children: COMMUNES,
    targets: parseTargets(targetsAnswer()),
  });
  return buildReport({
    kind,
    year,
    unit: TAY_NINH,
    recipient: CENTRAL.name,
    results,
    language: 'vi',
    today: '2026-07-05',
  });
}

describe('periodic report', () => {
  it.each([
    { kind: 'half', year: 2026, period: { grain: 'half', from: '2026-01-01', to: '2026-06-30' } },
    { kind: 'year', year: 2025, period: { grain: 'year', from: '2025-01-01', to: '2025-12-31' } },
  ] as const)('$kind $year covers $period.from – $period.to', ({ kind, year, period }) => {
    expect(reportPeriod(kind, year)).toEqual(period);
  });

  it.each([
    { cell: { share: 0.4523 }, text: '45,2%' },
    { cell: { share: null }, text: '—' },
    { cell: { count: 1234567 }, text: '1.234.567' },
    { cell: 'Đạt', text: 'Đạt' },
  ])('shows $cell as $text', ({ cell, text }) => {
    expect(cellText(cell)).toBe(text);
  });

  it('names the sender, the recipient, the period and the day, in Vietnamese', () => {
    const doc = report('half');
    expect(doc.title).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ 6 THÁNG ĐẦU NĂM 2026');
    expect(doc.lines).toEqual([
      'Đơn vị báo cáo: Tỉnh Tây Ninh',
      'Kính gửi: Trung ương Hội LHPN Việt Nam',
      'Kỳ báo cáo: từ 01/2026 đến 06/2026 · Lập ngày 05/07/2026',
    ]);
    expect(doc.fileName).toBe('bao-cao-6-thang-2026-tinh-tay-ninh');
    expect(report('year').fileName).toBe('bao-cao-nam-2026-tinh-tay-ninh');
  });

  it.each([
    {
      kpi: 'docs-online',
      cells: [
        '1',
        'Văn bản đến được xử lý trên môi trường mạng',
        '90%',
        '900 / 1.000 văn bản đến (không mật)',
        '100%',
        'Gần đạt',
        '40%',
      ],
    },
    {
      kpi: 'docs-signed',
      cells: [
        '2',
        'Văn bản đi được ký số và phát hành điện tử',
        '—',
        '0 / 0 văn bản đi (không mật)',
        '100%',
        'Không có dữ liệu',
        '—',
      ],
    },
    {
      // 2 communes × 6 months = 12 commune-months; 2 with a post.
      kpi: 'posts-communes',
      cells: [
        '3',
        'Cơ sở có tin, bài tuyên truyền trên website/fanpage hằng tháng',
        '16,7%',
        '2 / 12 lượt xã, phường × tháng',
        '40%',
        'Chưa đạt',
        '0%',
      ],
    },
    {
      kpi: 'meetings-digital',
      cells: [
        '5',
        'Sinh hoạt hội ứng dụng công nghệ thông tin (trực tuyến, kết hợp)',
        '25%',
        '30 / 120 buổi sinh hoạt',
        '—',
        'Theo dõi',
        '—',
      ],
    },
  ])('part I, $kpi: result, counts, target, status, the half before', ({ kpi, cells }) => {
    const part = report('half').sections[0]!;
    const index = KPIS.findIndex((k) => k.id === kpi);
    expect(part.rows[index]!.map(cellText)).toEqual(cells);
  });

  it('has no previous-period column in the annual report (the year is not compared)', () => {
    const part = report('year').sections[0]!;
    expect(part.header).toEqual(['TT', 'Chỉ tiêu', 'Kết quả', 'Số liệu', 'Chỉ tiêu giao', 'Đánh giá']);
    expect(part.rows.every((r) => r.length === 6)).toBe(true);
  });

  it.each([
    // Commune targets: docs-online 70 %, posts 40 %, training 30 %; meetings monitored; no data is not judged.
    { unit: 'Phường Tân Ninh', cells: ['1', 'Phường Tân Ninh', '100%', '—', '100%', '—', '30%', '2/2'] },
    { unit: 'Xã Hòa Thành', cells: ['2', 'Xã Hòa Thành', '66,7%', '—', '33,3%', '—', '—', '0/2'] },
  ])('part II, $unit: each ranked target and how many were met', ({ unit, cells }) => {
    const part = report('half').sections[1]!;
    expect(part.header.slice(0, 2)).toEqual(['TT', 'Đơn vị']);
    expect(part.header.at(-1)).toBe('Số chỉ tiêu đạt');
    expect(part.header).toHaveLength(2 + KPIS.length + 1);
    expect(part.rows.find((r) => r[1] === unit)!.map(cellText)).toEqual(cells);
  });
});
