// `npm run screenshots -w @vwu/mfe-kpi`: screenshots of the built module in the built console
// (tests/artifacts/kpi-*.png). Build the shell and this module first.
import { runnerImport } from 'vite';
import { launchChromium } from '../../tests/infra/chromium.mjs';

const { module } = await runnerImport(new URL('../test-kit/screenshots.ts', import.meta.url).pathname);
for (const path of await module.takeScreenshots(() => launchChromium())) console.log(path);
