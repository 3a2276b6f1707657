// The single-spa contract suite every module runs against its BUILT bundle: exactly the three lifecycles,
// mount → unmount → remount → unmount leaving the container empty and no styles behind, one Vue and one
// Pinia from the import map, nothing from another host. A module's test file only names its bundle.
import { beforeAll, describe, expect, it } from 'vitest';
import { runMfeContract, type ContractReport } from './contract.ts';

/** Declares the contract suite for the module built into `dist`, whose landing view shows `expectText`. */
export function describeMfeContract(name: string, options: { dist: string; expectText: string }): void {
  let report: ContractReport;

  beforeAll(async () => {
    report = await runMfeContract(options);
  });

  describe(`${name} contract (dist/${name}.js)`, () => {
    it('exports exactly bootstrap, mount and unmount', () => {
      expect(report.exports).toEqual(['bootstrap', 'mount', 'unmount']);
    });

    it.each([
      { step: 'mounted', nodes: 1, styles: 1, text: options.expectText },
      { step: 'unmounted', nodes: 0, styles: 0, text: '' },
      { step: 'remounted', nodes: 1, styles: 1, text: options.expectText },
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
      expect(report.vueFiles).toEqual(['/shell/shared/vue@3.5.45/vue.runtime.prod.js']);
      expect(report.piniaFiles).toEqual(['/shell/shared/pinia@4.1.0/pinia.esm-browser.prod.js']);
      expect(report.bundledVue).toEqual([]);
    });

    it('loads nothing from another host and raises no page error', () => {
      expect(report.foreign).toEqual([]);
      expect(report.errors).toEqual([]);
    });
  });
}
