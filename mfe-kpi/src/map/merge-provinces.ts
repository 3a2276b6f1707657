/**
 * The 34 current provinces as map shapes, made from the shipped boundaries of the 63 old provinces
 * (geoBoundaries VNM ADM1, CC BY 4.0) and the official old→new province mapping (dvhcvn 20250701, MIT):
 * each new province's feature is a MultiPolygon of the polygons of the old provinces merged into it. The
 * boundary file names provinces without codes and in its own spelling (`Hà Nội\t`, `Ho Chi Minh`,
 * `Thừa Thiên Huế`, a separate `Côn Đảo`), so old provinces are matched on folded names with a few aliases.
 */
import { foldVietnamese } from '@vwu/contracts';

/** A GeoJSON polygon or multipolygon geometry (the only kinds the boundary file has). */
export type AreaGeometry =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** The boundary file of the old provinces. */
export interface OldBoundaries {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { shapeName: string }; geometry: AreaGeometry }[];
}

/** The province part of `2025-merges.json`. */
export interface ProvinceMerges {
  data: { level1_id: string; name: string; merges: { old_id: string; name: string; type: string }[] }[];
}

/** One current province on the map: `key` is the unit key ('2025:80'), `name` its official name. */
export interface ProvinceFeature {
  type: 'Feature';
  properties: { key: string; name: string; from: string[] };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

/** The map of the current provinces. */
export interface ProvinceMap {
  type: 'FeatureCollection';
  features: ProvinceFeature[];
}

/** Thrown when the two sources do not fit together (an old province without a shape, or the reverse). */
export class ProvinceMergeError extends Error {
  override readonly name = 'ProvinceMergeError';
}

/** Boundary names → the old province they belong to, where the spelling differs beyond folding. */
const ALIASES: Readonly<Record<string, string>> = {
  'ho chi minh': 'ho chi minh',
  'thua thien hue': 'hue',
  // The islands of Côn Đảo are drawn apart in the boundary file; they were part of Bà Rịa – Vũng Tàu.
  'con dao': 'ba ria vung tau',
};

/**
 * A province name folded for matching: no diacritics, no "Tỉnh"/"Thành phố", punctuation as spaces.
 *
 * @example provinceKey('Tỉnh Bà Rịa - Vũng Tàu') // 'ba ria vung tau'
 * @example provinceKey('Hà Nội\t') // 'ha noi'
 */
export function provinceKey(name: string): string {
  const folded = foldVietnamese(name.replace(/[–—-]/g, ' '))
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(tinh|thanh pho) /, '');
  return ALIASES[folded] ?? folded;
}

function polygonsOf(geometry: AreaGeometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Rounds coordinates to 4 decimals (about 10 m): the shipped asset is a third of the size, no visible change. */
function rounded(polygon: number[][][]): number[][][] {
  return polygon.map((ring) =>
    ring.map(([x, y]) => [Math.round(x! * 1e4) / 1e4, Math.round(y! * 1e4) / 1e4]),
  );
}

/**
 * Merges the old provinces' shapes into the 34 current provinces, in the mapping's order.
 *
 * @throws ProvinceMergeError when an old province of the mapping has no shape, or a shape no province.
 * @example mergeProvinces(boundaries, merges).features.length // 34
 */
export function mergeProvinces(boundaries: OldBoundaries, merges: ProvinceMerges): ProvinceMap {
  const shapes = new Map<string, number[][][][]>();
  for (const feature of boundaries.features) {
    const key = provinceKey(feature.properties.shapeName);
    shapes.set(key, [...(shapes.get(key) ?? []), ...polygonsOf(feature.geometry)]);
  }
  const used = new Set<string>();
  const features = merges.data.map((province): ProvinceFeature => {
    const coordinates: number[][][][] = [];
    for (const old of province.merges) {
      const key = provinceKey(old.name);
      const found = shapes.get(key);
      if (found === undefined) {
        throw new ProvinceMergeError(`no boundary for ${old.name} (merged into ${province.name})`);
      }
      used.add(key);
      coordinates.push(...found.map(rounded));
    }
    return {
      type: 'Feature',
      properties: {
        key: `2025:${province.level1_id}`,
        name: province.name,
        from: province.merges.map((m) => m.name),
      },
      geometry: { type: 'MultiPolygon', coordinates },
    };
  });
  const left = [...shapes.keys()].filter((k) => !used.has(k));
  if (left.length > 0) throw new ProvinceMergeError(`boundaries of no current province: ${left.join(', ')}`);
  return { type: 'FeatureCollection', features };
}
