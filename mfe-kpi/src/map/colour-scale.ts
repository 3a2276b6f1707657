/**
 * The choropleth's colour scale: a province is coloured by its attainment of the selected target — how far
 * its figure is above or below the target, in the traffic lights' bands (met, near = within 10 points,
 * missed) with the ends split once more — or, for a monitored figure without a target, by the share
 * itself in five blue bands. Every class has a legend entry; the legend lists only the classes in use.
 */
import type { Localized } from '@vwu/context';
import { NEAR_MARGIN } from '../kpi/targets.js';

/** A class of the map's scale. */
export type MapClass =
  | 'far-above'
  | 'met'
  | 'near'
  | 'missed'
  | 'far-below'
  | 'share-0'
  | 'share-1'
  | 'share-2'
  | 'share-3'
  | 'share-4'
  | 'no-data';

/** A class's colour and legend words (`{t}` is the target, `{a}`/`{b}` the band's ends). */
export interface MapClassStyle {
  colour: string;
  legend: Localized;
}

/** Points above (or below) the target from which a province is "far" above (or below) it. */
export const FAR_MARGIN = 0.2;

/** The scale, in legend order. */
export const MAP_CLASSES: Readonly<Record<MapClass, MapClassStyle>> = {
  'far-above': { colour: '#0b5d2e', legend: { vi: '≥ {t} + 20 điểm', en: '≥ {t} + 20 pts' } },
  met: { colour: '#3c9a5f', legend: { vi: 'Đạt (≥ {t})', en: 'Met (≥ {t})' } },
  near: { colour: '#f0b429', legend: { vi: 'Gần đạt (thiếu ≤ 10 điểm)', en: 'Nearly met (≤ 10 pts short)' } },
  missed: {
    colour: '#e5674f',
    legend: { vi: 'Chưa đạt (thiếu 10–20 điểm)', en: 'Not met (10–20 pts short)' },
  },
  'far-below': { colour: '#9b1c1c', legend: { vi: 'Thiếu > 20 điểm', en: '> 20 pts short' } },
  'share-0': { colour: '#dbe7f5', legend: { vi: 'Dưới 20%', en: 'Below 20%' } },
  'share-1': { colour: '#a9c5e8', legend: { vi: '20% – dưới 40%', en: '20% – under 40%' } },
  'share-2': { colour: '#6d9bd6', legend: { vi: '40% – dưới 60%', en: '40% – under 60%' } },
  'share-3': { colour: '#3a6fb8', legend: { vi: '60% – dưới 80%', en: '60% – under 80%' } },
  'share-4': { colour: '#173f7a', legend: { vi: 'Từ 80%', en: '80% and above' } },
  'no-data': { colour: '#e4e7eb', legend: { vi: 'Không có dữ liệu', en: 'No data' } },
};

const SLACK = 1e-9;

/**
 * The class of a figure against a target (shares 0–1).
 *
 * @example mapClass(0.95, 0.7) // 'far-above'
 * @example mapClass(0.65, 0.7) // 'near'
 * @example mapClass(0.45, undefined) // 'share-2'
 * @example mapClass(null, 0.7) // 'no-data'
 */
export function mapClass(value: number | null, target: number | undefined): MapClass {
  if (value === null || Number.isNaN(value)) return 'no-data';
  if (target === undefined) {
    const band = Math.min(4, Math.max(0, Math.floor(value * 5 + SLACK)));
    return `share-${band}` as MapClass;
  }
  const gap = value - target;
  if (gap >= FAR_MARGIN - SLACK && target + FAR_MARGIN <= 1 + SLACK) return 'far-above';
  if (gap >= -SLACK) return 'met';
  if (gap >= -NEAR_MARGIN - SLACK) return 'near';
  if (gap >= -FAR_MARGIN - SLACK) return 'missed';
  return 'far-below';
}

/** The classes a legend shows for a target (with or without a target value), in order. */
export function legendClasses(target: number | undefined): MapClass[] {
  const bands: MapClass[] =
    target === undefined
      ? ['share-4', 'share-3', 'share-2', 'share-1', 'share-0']
      : [
          ...(target + FAR_MARGIN <= 1 + SLACK ? (['far-above'] as const) : []),
          'met',
          'near',
          'missed',
          'far-below',
        ];
  return [...bands, 'no-data'];
}
