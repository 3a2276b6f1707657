// `npm run province-map -w @vwu/mfe-kpi`: writes src/map/provinces-2025.geo.json, the 34 current provinces
// merged from the shipped boundaries of the old ones (contracts/data: geoBoundaries VNM ADM1, CC BY 4.0;
// dvhcvn 20250701 mapping, MIT) by src/map/merge-provinces.ts. Run again when either source changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { runnerImport } from 'vite';

const data = new URL('../../contracts/data/', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, data), 'utf8'));
const { module } = await runnerImport(new URL('../src/map/merge-provinces.ts', import.meta.url).pathname);
const map = module.mergeProvinces(
  read('geo/geoBoundaries-VNM-ADM1.geojson'),
  read('admin-units/2025-merges.json'),
);
const out = new URL('../src/map/provinces-2025.geo.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(map)}\n`);
console.log(`${map.features.length} provinces → ${out.pathname} (${readFileSync(out).byteLength} bytes)`);
