// The single-spa contract of the BUILT bundle, in Chromium with the shell's import map. The reference
// server's mock API has no analytics data, so the module mounts into its error state: what is checked here
// is the lifecycle (the dashboard itself is checked in console.test.ts).
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runMfeContract, type ContractReport } from '../../../shell/test-kit/contract.ts';

const TITLE = 'Chỉ tiêu chuyển đổi số';
let report: ContractReport;

beforeAll(async () => {
  report = await runMfeContract({
    dist: fileURLToPath(new URL('../../dist', import.meta.url)),
    expectText: TITLE,
  });
});

describe('mfe-kpi contract (dist/mfe-kpi.js)', () => {
  it('exports exactly bootstrap, mount and unmount', () => {
    expect(report.exports).toEqual(['bootstrap', 'mount', 'unmount']);
  });

  it.each([
    { step: 'mounted', nodes: 1, styles: 1, text: TITLE },
    { step: 'unmounted', nodes: 0, styles: 0, text: '' },
    { step: 'remounted', nodes: 1, styles: 1, text: TITLE },
    { step: 'unmountedAgain', nodes: 0, styles: 0, text: '' },
  ] as const)(
    '$step: $nodes node(s) in the container, $styles style element(s)',
    ({ step, nodes, styles, text }) => {
      const snapshot = report[step];
      expect(snapshot.containerNodes).toBe(nodes);
      expect(snapshot.styles).toBe(styles);
      expect(snapshot.containerText).toContain(text);
      expect(snapshot.headElements).toBe(report.before.headElements);
    },
  );

  it('uses the one Vue and the one Pinia of the import map and bundles neither', () => {
    expect(report.vueFiles).toEqual(['/shell/shared/vue@3.5.45/vue.runtime.esm-browser.prod.js']);
    expect(report.piniaFiles).toEqual(['/shell/shared/pinia@4.1.0/pinia.esm-browser.prod.js']);
    expect(report.bundledVue).toEqual([]);
  });

  it('loads nothing from another host and raises no page error', () => {
    expect(report.foreign).toEqual([]);
    expect(report.errors).toEqual([]);
  });
});
