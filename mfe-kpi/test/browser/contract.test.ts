// The single-spa contract of the BUILT bundle, in Chromium with the shell's import map. The reference
// server's mock API has no analytics data, so the module mounts into its error state: what is checked here
// is the lifecycle (the dashboard itself is checked in console.test.ts).
import { fileURLToPath } from 'node:url';
import { describeMfeContract } from '../../../shell/test-kit/contract-suite.ts';

describeMfeContract('mfe-kpi', {
  dist: fileURLToPath(new URL('../../dist', import.meta.url)),
  expectText: 'Chỉ tiêu chuyển đổi số',
});
