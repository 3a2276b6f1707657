// `npm run preview -w @vwu/mfe-kpi [-- --port 5181 --scale small|national]`: the built console with this
// module on a mock API and demo Parquet data (Tây Ninh; generated once into .cache/mfe-kpi/). Sign in as
// leader.tayninh with the API's demo password.
import { runnerImport } from 'vite';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const scale = arg('scale', 'national');
const { module: data } = await runnerImport(new URL('../test-kit/demo-root.ts', import.meta.url).pathname);
const { root } = data.demoRoot({ scale, from: '2026-01-01', to: '2026-11-21', provinces: ['2025:80'] });
const { module } = await runnerImport(new URL('../test-kit/kpi-console.ts', import.meta.url).pathname);
const server = await module.startKpiConsole({ data: root, port: Number(arg('port', '5181')) });
console.log(`console: ${server.url}/kpi (leader.tayninh / ${module.PREVIEW_PASSWORD}; data ${root})`);
