import { describe, expect, it } from 'vitest';
import type { ActivityEvent } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateEvents } from '@vwu/pipeline';
import { eventLine } from '../src/demo/event-line.js';

const hierarchy = loadHierarchy();

describe('eventLine', () => {
  it('equals JSON.stringify for every generated event, both structures', () => {
    const world = buildWorld(hierarchy, 11, 'small');
    let checked = 0;
    for (const batch of generateEvents(world, { from: '2025-06-25', to: '2025-07-05' })) {
      for (const event of batch) {
        const line = eventLine(event);
        if (line !== JSON.stringify(event)) expect(line).toBe(JSON.stringify(event));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1_000);
  });

  it.each([
    ['a unit code that needs escaping', { unit_code: '2025:"01"' }],
    ['another source', { source: 'api' }],
    ['no source', { source: undefined }],
  ])('takes the general path for %s', (_, change) => {
    const base = {
      event_id: '01K4VRZT0GTHK8D723MM0P62T0',
      type: 'post.published',
      schema_version: 1,
      occurred_at: '2025-09-11T06:56:42.000Z',
      unit_code: '2025:25552',
      source: 'demo',
      attrs: { channel: 'fanpage', purpose: 'information "quoted"' },
    };
    const event = { ...base, ...change } as unknown as ActivityEvent;
    expect(eventLine(event)).toBe(JSON.stringify(event));
    expect(JSON.parse(eventLine(event))).toEqual(JSON.parse(JSON.stringify(event)));
  });
});
