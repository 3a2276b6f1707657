import { describe, expect, it } from 'vitest';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateEvents, registrySize, SCALES, type DemoScale } from '@vwu/pipeline';

const hierarchy = loadHierarchy();
const TODAY = '2026-11-30';
// The stated bounds are for 2024-01 → 2026-11 (35 months). Events are counted on sampled months, one in
// each structure, and scaled to 35 months: a full national run takes minutes (bench:generate measures it).
const SAMPLES: Record<DemoScale, Array<{ from: string; to: string }>> = {
  small: [
    { from: '2025-03-01', to: '2025-03-31' },
    { from: '2025-10-01', to: '2025-10-31' },
  ],
  medium: [
    { from: '2025-03-01', to: '2025-03-31' },
    { from: '2025-10-01', to: '2025-10-31' },
  ],
  // One half-month in each structure keeps this test short at 19 M members.
  national: [
    { from: '2025-03-01', to: '2025-03-15' },
    { from: '2025-10-01', to: '2025-10-15' },
  ],
};
const MONTHS = 35;

describe.each<DemoScale>(['small', 'medium', 'national'])(
  'scale %s',
  (scale) => {
    const world = buildWorld(hierarchy, 2025, scale);
    const bounds = SCALES[scale].expected;

    it('registers the stated number of members', () => {
      const members = registrySize(world, TODAY);
      expect(members).toBeGreaterThanOrEqual(bounds.members[0]);
      expect(members).toBeLessThanOrEqual(bounds.members[1]);
    });

    it('generates the stated number of events', () => {
      let sampled = 0;
      let months = 0;
      for (const range of SAMPLES[scale]) {
        for (const batch of generateEvents(world, range)) sampled += batch.length;
        months += range.to.endsWith('15') ? 0.5 : 1;
      }
      const estimate = (sampled / months) * MONTHS;
      expect(estimate).toBeGreaterThanOrEqual(bounds.events[0]);
      expect(estimate).toBeLessThanOrEqual(bounds.events[1]);
    });
  },
  120_000,
);
