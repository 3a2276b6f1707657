// `npm run bench:analytics -w @vwu/mfe-kpi` (root: `npm run bench:analytics`): see test-kit/bench/run.ts.
// Build the shell and this module first.
import { runnerImport } from 'vite';
import { chromium } from 'playwright-core';
import { chromiumArgs, ensureChromium, launchChromium } from '../../tests/infra/chromium.mjs';

const { executablePath } = await ensureChromium();
const { module } = await runnerImport(new URL('../test-kit/bench/run.ts', import.meta.url).pathname);
await module.main(
  {
    browser: () => launchChromium(),
    persistent: (dir) =>
      chromium.launchPersistentContext(dir, {
        executablePath,
        args: [...chromiumArgs],
        headless: true,
        viewport: { width: 1440, height: 1000 },
      }),
  },
  (line) => console.log(line),
);
