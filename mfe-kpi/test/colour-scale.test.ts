import { describe, expect, it } from 'vitest';
import { legendClasses, mapClass, MAP_CLASSES } from '../src/map/colour-scale.js';

describe('choropleth colour scale', () => {
  it.each([
    { value: 0.95, target: 0.7, expected: 'far-above' },
    { value: 0.9, target: 0.7, expected: 'far-above' },
    { value: 0.7, target: 0.7, expected: 'met' },
    { value: 0.7 - 1e-12, target: 0.7, expected: 'met' },
    { value: 0.6, target: 0.7, expected: 'near' },
    { value: 0.55, target: 0.7, expected: 'missed' },
    { value: 0.5, target: 0.7, expected: 'missed' },
    { value: 0.49, target: 0.7, expected: 'far-below' },
    { value: 1, target: 1, expected: 'met' },
    { value: 0.95, target: 1, expected: 'near' },
    { value: 0, target: 0.3, expected: 'far-below' },
    { value: null, target: 0.7, expected: 'no-data' },
    { value: Number.NaN, target: 0.7, expected: 'no-data' },
    { value: 0, target: undefined, expected: 'share-0' },
    { value: 0.2, target: undefined, expected: 'share-1' },
    { value: 0.599, target: undefined, expected: 'share-2' },
    { value: 0.8, target: undefined, expected: 'share-4' },
    { value: 1, target: undefined, expected: 'share-4' },
    { value: null, target: undefined, expected: 'no-data' },
  ])('$value against $target → $expected', ({ value, target, expected }) => {
    expect(mapClass(value, target)).toBe(expected);
  });

  it.each([
    { target: 0.7, expected: ['far-above', 'met', 'near', 'missed', 'far-below', 'no-data'] },
    // A 100 % target cannot be exceeded by 20 points: no such class in the legend.
    { target: 1, expected: ['met', 'near', 'missed', 'far-below', 'no-data'] },
    { target: undefined, expected: ['share-4', 'share-3', 'share-2', 'share-1', 'share-0', 'no-data'] },
  ])('legend for target $target', ({ target, expected }) => {
    expect(legendClasses(target)).toEqual(expected);
  });

  it('gives every class its own colour', () => {
    const colours = Object.values(MAP_CLASSES).map((c) => c.colour);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
