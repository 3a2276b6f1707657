import { describe, expect, it } from 'vitest';
import { TargetsError, assess, parseTargets, targetOf } from '../src/kpi/index.js';
import { targetsAnswer } from './fake-engine.js';

describe('traffic lights', () => {
  it.each([
    { value: 0.7, target: 0.7, light: 'met' },
    { value: 0.7 - 1e-12, target: 0.7, light: 'met' },
    { value: 1, target: 1, light: 'met' },
    { value: 0.95, target: 1, light: 'near' },
    { value: 0.9, target: 1, light: 'near' },
    { value: 0.8999, target: 1, light: 'missed' },
    { value: 0.05, target: 0.3, light: 'missed' },
    { value: 0, target: 0.4, light: 'missed' },
    { value: 0.42, target: undefined, light: 'no-target' },
    { value: null, target: 0.7, light: 'no-data' },
    { value: Number.NaN, target: 0.7, light: 'no-data' },
  ])('$value against $target → $light', ({ value, target, light }) => {
    expect(assess(value, target)).toBe(light);
  });
});

describe('targets as the API serves them', () => {
  const table = parseTargets(targetsAnswer());

  it.each([
    { kpi: 'docs-online', level: 'province', target: 1 },
    { kpi: 'docs-online', level: 'district', target: 0.9 },
    { kpi: 'docs-online', level: 'commune', target: 0.7 },
    { kpi: 'docs-signed', level: 'province', target: 1 },
    { kpi: 'docs-signed', level: 'district', target: 0.8 },
    { kpi: 'docs-signed', level: 'commune', target: undefined },
    { kpi: 'posts-communes', level: 'commune', target: 0.4 },
    { kpi: 'posts-communes', level: 'district', target: 1 },
    { kpi: 'training-minority', level: 'province', target: 0.3 },
    { kpi: 'meetings-digital', level: 'province', target: undefined },
  ] as const)('$kpi at $level: $target', ({ kpi, level, target }) => {
    expect(targetOf(table, kpi, level)).toBe(target);
  });

  it("takes a province's own value and ignores targets this dashboard does not show", () => {
    const own = parseTargets({
      effective: [
        { kpiId: 'docs-online', level: 'commune', value: 85, source: 'province' },
        { kpiId: 'cards-active', level: 'province', value: 50, source: 'national' },
      ],
    });
    expect(own['docs-online'].commune).toBe(0.85);
    expect(Object.keys(own).sort()).toEqual([
      'docs-online',
      'docs-signed',
      'meetings-digital',
      'posts-communes',
      'training-minority',
    ]);
  });

  it.each([
    { name: 'no list', body: { targets: [] }, message: 'no "effective" list' },
    { name: 'not an object', body: null, message: 'no "effective" list' },
    {
      name: 'a value above 100 %',
      body: { effective: [{ kpiId: 'docs-online', level: 'commune', value: 170 }] },
      message: 'docs-online at commune: 170 is not a percentage',
    },
    {
      name: 'an unknown level',
      body: { effective: [{ kpiId: 'docs-online', level: 'ward', value: 70 }] },
      message: 'unknown level "ward"',
    },
  ])('refuses $name with a TargetsError', ({ body, message }) => {
    expect(() => parseTargets(body)).toThrow(TargetsError);
    expect(() => parseTargets(body)).toThrow(message);
  });
});
