// `node shell/scripts/screenshots.mjs`: screenshots of the built console (tests/artifacts/shell-*.png).
// The browser is launched here, natively: Vite's runner (which loads the TypeScript) closes after import.
import { runnerImport } from 'vite';
import { launchChromium } from '../../tests/infra/chromium.mjs';

const { module } = await runnerImport(new URL('../test-kit/screenshots.ts', import.meta.url).pathname);
for (const path of await module.takeScreenshots(() => launchChromium())) console.log(path);
