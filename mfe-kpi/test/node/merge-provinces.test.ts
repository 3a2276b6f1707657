// The province map from the shipped sources: 63 old provinces (+ Côn Đảo) merged into the 34 current ones,
// and the asset the module ships is exactly what the merge gives today.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  mergeProvinces,
  provinceKey,
  ProvinceMergeError,
  type OldBoundaries,
  type ProvinceMerges,
} from '../../src/map/merge-provinces.js';
import { anchorOf } from '../../src/map/load-province-map.js';

const data = new URL('../../../contracts/data/', import.meta.url);
const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, data), 'utf8')) as T;
const boundaries = read<OldBoundaries>('geo/geoBoundaries-VNM-ADM1.geojson');
const merges = read<ProvinceMerges>('admin-units/2025-merges.json');
const merged = mergeProvinces(boundaries, merges);

const square = (x: number, y: number): number[][][] => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];

describe('province names folded for matching', () => {
  it.each([
    { name: 'Tỉnh Bà Rịa - Vũng Tàu', key: 'ba ria vung tau' },
    { name: 'Bà Rịa–Vũng Tàu', key: 'ba ria vung tau' },
    { name: 'Hà Nội\t', key: 'ha noi' },
    { name: 'Thành phố Hà Nội', key: 'ha noi' },
    { name: 'Ho Chi Minh', key: 'ho chi minh' },
    { name: 'Thành phố Hồ Chí Minh', key: 'ho chi minh' },
    { name: 'Thừa Thiên Huế', key: 'hue' },
    { name: 'Côn Đảo', key: 'ba ria vung tau' },
    { name: 'Tỉnh Hoà Bình', key: 'hoa binh' },
    { name: 'Hòa Bình', key: 'hoa binh' },
  ])('$name → $key', ({ name, key }) => {
    expect(provinceKey(name)).toBe(key);
  });
});

describe('the 34 current provinces from the shipped boundaries', () => {
  it('has every current province once, keyed as the unit hierarchy keys them', () => {
    expect(merged.features).toHaveLength(34);
    expect(new Set(merged.features.map((f) => f.properties.key)).size).toBe(34);
    expect(merged.features.every((f) => /^2025:\d{2}$/.test(f.properties.key))).toBe(true);
  });

  it.each([
    { key: '2025:80', name: 'Tỉnh Tây Ninh', from: ['Tỉnh Tây Ninh', 'Tỉnh Long An'], polygonsAtLeast: 2 },
    {
      key: '2025:79',
      name: 'Thành phố Hồ Chí Minh',
      from: ['Tỉnh Bình Dương', 'Tỉnh Bà Rịa - Vũng Tàu', 'Thành phố Hồ Chí Minh'],
      // Côn Đảo comes with Bà Rịa – Vũng Tàu.
      polygonsAtLeast: 4,
    },
    { key: '2025:46', name: 'Thành phố Huế', from: ['Thành phố Huế'], polygonsAtLeast: 1 },
    { key: '2025:01', name: 'Thành phố Hà Nội', from: ['Thành phố Hà Nội'], polygonsAtLeast: 1 },
  ])('$name is made of $from', ({ key, name, from, polygonsAtLeast }) => {
    const feature = merged.features.find((f) => f.properties.key === key)!;
    expect(feature.properties).toEqual({ key, name, from });
    expect(feature.geometry.coordinates.length).toBeGreaterThanOrEqual(polygonsAtLeast);
  });

  it('uses every shape of the boundary file (no old province left out)', () => {
    const shapes = boundaries.features.reduce(
      (n, f) => n + (f.geometry.type === 'Polygon' ? 1 : f.geometry.coordinates.length),
      0,
    );
    expect(merged.features.reduce((n, f) => n + f.geometry.coordinates.length, 0)).toBe(shapes);
  });

  it('is the asset the module ships (run `npm run province-map` after a source changes)', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../../src/map/provinces-2025.geo.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(shipped).toEqual(merged);
  });

  it.each([
    {
      name: 'an old province without a shape',
      geo: [{ name: 'A', polygon: square(0, 0) }],
      map: [{ id: '01', name: 'New', old: ['A', 'B'] }],
      error: 'no boundary for B (merged into New)',
    },
    {
      name: 'a shape of no current province',
      geo: [
        { name: 'A', polygon: square(0, 0) },
        { name: 'C', polygon: square(2, 2) },
      ],
      map: [{ id: '01', name: 'New', old: ['A'] }],
      error: 'boundaries of no current province: c',
    },
  ])('refuses $name', ({ geo, map, error }) => {
    const b: OldBoundaries = {
      type: 'FeatureCollection',
      features: geo.map((g) => ({
        type: 'Feature',
        properties: { shapeName: g.name },
        geometry: { type: 'Polygon', coordinates: g.polygon },
      })),
    };
    const m: ProvinceMerges = {
      data: map.map((p) => ({
        level1_id: p.id,
        name: p.name,
        merges: p.old.map((o) => ({ old_id: '00', name: o, type: 'full' })),
      })),
    };
    expect(() => mergeProvinces(b, m)).toThrow(ProvinceMergeError);
    expect(() => mergeProvinces(b, m)).toThrow(error);
  });
});

describe('a point inside a province to point at', () => {
  it.each([
    { name: 'one square', polygons: [square(0, 0)], anchor: [0.5, 0.5] },
    {
      name: 'the larger of two shapes',
      polygons: [
        square(0, 0),
        [
          [
            [5, 5],
            [8, 5],
            [8, 8],
            [5, 8],
            [5, 5],
          ],
        ],
      ],
      anchor: [6.5, 6.5],
    },
  ])('$name', ({ polygons, anchor }) => {
    expect(anchorOf(polygons)).toEqual(anchor);
  });
});
