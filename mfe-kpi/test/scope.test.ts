import { describe, expect, it } from 'vitest';
import type { Period, SelectedUnit } from '@vwu/context';
import { dashboardScope, hasEventDashboard, partitionNeed } from '../src/kpi/index.js';

const CENTRAL = { key: '2025:TW', name: 'Trung ương Hội LHPN Việt Nam', level: 'central' as const };
const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const };
const TAN_NINH = { key: '2025:25459', name: 'Phường Tân Ninh', level: 'commune' as const };

const unit = (
  u: typeof TAY_NINH | typeof TAN_NINH | typeof CENTRAL,
  breadcrumb: SelectedUnit['breadcrumb'] = [],
): SelectedUnit => ({
  ...u,
  breadcrumb,
});
const month = (m: string): Period => ({ grain: 'month', from: `${m}-01`, to: `${m}-28` });

describe('dashboard scope of a unit and a period', () => {
  it.each([
    {
      name: 'a province: its rows by current province, ranked by commune',
      unit: unit(TAY_NINH, [CENTRAL]),
      period: month('2026-11'),
      expected: {
        province: '2025:80',
        filterColumn: 'current_province',
        childColumn: 'current_commune',
        period: { from: '2026-11', to: '2026-11', months: 1 },
        previous: { from: '2026-10', to: '2026-10' },
        trend: { from: '2026-06', to: '2026-11' },
      },
      trendMonths: 6,
    },
    {
      name: 'a commune: its province from the breadcrumb, ranked by branch',
      unit: unit(TAN_NINH, [CENTRAL, TAY_NINH]),
      period: { grain: 'quarter', from: '2026-07-01', to: '2026-09-30' } as Period,
      expected: {
        province: '2025:80',
        filterColumn: 'current_commune',
        childColumn: 'current_unit',
        period: { from: '2026-07', to: '2026-09', months: 3 },
        previous: { from: '2026-04', to: '2026-06' },
        trend: { from: '2026-04', to: '2026-09' },
      },
      trendMonths: 6,
    },
    {
      name: 'a half-year: the trend reaches back over the half before, for the comparison',
      unit: unit(TAY_NINH),
      period: { grain: 'half', from: '2026-01-01', to: '2026-06-30' } as Period,
      expected: {
        period: { from: '2026-01', to: '2026-06', months: 6 },
        previous: { from: '2025-07', to: '2025-12' },
        trend: { from: '2025-07', to: '2026-06' },
      },
      trendMonths: 12,
    },
    {
      name: 'a year: the trend is the year itself, without a comparison',
      unit: unit(TAY_NINH),
      period: { grain: 'year', from: '2025-01-01', to: '2025-12-31' } as Period,
      expected: {
        period: { from: '2025-01', to: '2025-12', months: 12 },
        previous: null,
        trend: { from: '2025-01', to: '2025-12' },
      },
      trendMonths: 12,
    },
    {
      name: 'the country: every row, every province, ranked by province',
      unit: unit(CENTRAL),
      period: month('2026-11'),
      expected: {
        province: null,
        filterColumn: null,
        childColumn: 'current_province',
        trend: { from: '2026-06', to: '2026-11' },
      },
      trendMonths: 6,
    },
    {
      name: 'across a year boundary',
      unit: unit(TAY_NINH),
      period: month('2026-02'),
      expected: { trend: { from: '2025-09', to: '2026-02' }, previous: { from: '2026-01', to: '2026-01' } },
      trendMonths: 6,
    },
  ])('$name', ({ unit: u, period, expected, trendMonths }) => {
    const scope = dashboardScope(u, period);
    expect(scope).toMatchObject(expected);
    expect(scope!.trend.months).toHaveLength(trendMonths);
    expect(partitionNeed(scope!, ['meeting.held'])).toEqual({
      provinces: scope!.province === null ? null : [scope!.province],
      months: scope!.trend.months,
      types: ['meeting.held'],
    });
  });

  it.each([
    { name: 'a commune without its province in the breadcrumb', unit: unit(TAN_NINH) },
    { name: 'a pre-2025 unit', unit: { ...unit(TAY_NINH), key: 'pre2025:72' } },
  ])('none for $name', ({ unit: u }) => {
    expect(dashboardScope(u, month('2026-11'))).toBeUndefined();
  });

  it.each([
    { level: 'central', ok: true },
    { level: 'province', ok: true },
    { level: 'district', ok: false },
    { level: 'commune', ok: true },
    { level: 'branch', ok: true },
  ] as const)('$level has an event dashboard: $ok', ({ level, ok }) => {
    expect(hasEventDashboard(level)).toBe(ok);
  });
});
