/**
 * The map of the 34 current provinces (scripts/province-map.mjs writes it from the shipped boundaries): a
 * hashed asset of this module, fetched from this module's own origin the first time a map is drawn, and
 * registered with ECharts under {@link PROVINCE_MAP}.
 */
import mapUrl from './provinces-2025.geo.json?url';
import type { ProvinceMap } from './merge-provinces.js';
import type { EchartsRuntime } from '../charts/load-echarts.js';

/** The name the map is registered under in ECharts. */
export const PROVINCE_MAP = 'vwu-provinces-2025';

let loading: Promise<ProvinceMap> | undefined;

/**
 * Fetches the province map once per page and registers it (a failed fetch is tried again next time).
 *
 * @example const map = await loadProvinceMap(await loadEcharts());
 */
export function loadProvinceMap(runtime: EchartsRuntime): Promise<ProvinceMap> {
  loading ??= fetch(new URL(mapUrl, import.meta.url))
    .then(async (response) => {
      if (!response.ok) throw new Error(`province map: HTTP ${response.status}`);
      const map = (await response.json()) as ProvinceMap;
      // ECharts' own GeoJSON type is looser than ours (any feature properties): this one fits it.
      runtime.registerMap(PROVINCE_MAP, map as unknown as Parameters<EchartsRuntime['registerMap']>[1]);
      return map;
    })
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/**
 * A point inside a province for pointing at it: the area-weighted centroid of its largest polygon's
 * outer ring ([longitude, latitude]).
 *
 * @example anchorOf(map.features[0].geometry.coordinates) // [105.8, 21.0]
 */
export function anchorOf(polygons: readonly number[][][][]): [number, number] {
  let best: { area: number; x: number; y: number } = { area: 0, x: 0, y: 0 };
  for (const polygon of polygons) {
    const ring = polygon[0] ?? [];
    let area = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i += 1) {
      const [x0, y0] = ring[i] as [number, number];
      const [x1, y1] = ring[i + 1] as [number, number];
      const cross = x0 * y1 - x1 * y0;
      area += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (Math.abs(area) > Math.abs(best.area)) best = { area, x: cx / (3 * area), y: cy / (3 * area) };
  }
  return [best.x, best.y];
}
