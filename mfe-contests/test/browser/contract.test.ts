// The single-spa contract of the BUILT bundle, in Chromium with the shell's import map.
import { fileURLToPath } from 'node:url';
import { describeMfeContract } from '../../../shell/test-kit/contract-suite.ts';

describeMfeContract('mfe-contests', {
  dist: fileURLToPath(new URL('../../dist', import.meta.url)),
  expectText: 'Hội thi',
});
