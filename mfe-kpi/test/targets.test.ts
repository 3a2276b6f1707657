import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, assess, targetOf } from '../src/kpi/index.js';

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

describe('default targets (DOMAIN.md) by level', () => {
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
    expect(targetOf(DEFAULT_TARGETS, kpi, level)).toBe(target);
  });
});
