import { runnerImport } from 'vite';
const t0 = Date.now();
const { module } = await runnerImport('/work/main/mfe-kpi/test-kit/demo-data.ts');
const [out, scale, from, to, provinces, types] = process.argv.slice(2);
const r = module.writeDemoData({ out, scale, from, to, provinces: provinces ? provinces.split(',') : undefined, types: types ? types.split(',') : undefined });
console.log(r.events, 'events', r.manifest.files.length, 'files', r.bytes, 'bytes', Date.now() - t0, 'ms');
