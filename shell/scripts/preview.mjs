// `npm run preview -w @vwu/shell [-- --port 5180]`: the built console on a mock API backed by the real unit
// hierarchy. Sign in as leader.tayninh, analyst.central or officer.tanninh with the API's demo password.
import { runnerImport } from 'vite';

const portFlag = process.argv.indexOf('--port');
const port = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 5180;
const { module } = await runnerImport(new URL('../test-kit/preview.ts', import.meta.url).pathname);
const server = await module.startPreview(port);
console.log(
  `console: ${server.url}/ (accounts: ${module.PREVIEW_ACCOUNTS.map((a) => a.username).join(', ')}; password ${module.PREVIEW_PASSWORD})`,
);
