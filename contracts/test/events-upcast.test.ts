import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, upcast, validateEvent, type EventOf } from '@vwu/contracts';
import { sampleEvents } from './events-samples.js';

describe('upcast', () => {
  it('turns a meeting.held v1 into v2, marking what v1 never recorded as unknown (null)', () => {
    const v1 = sampleEvents().find(
      (e): e is EventOf<'meeting.held', 1> => e.type === 'meeting.held' && e.schema_version === 1,
    );
    if (v1 === undefined) throw new Error('fixture has no meeting.held v1');
    const before = structuredClone(v1);
    expect(upcast(v1)).toEqual({
      ...v1,
      schema_version: 2,
      attrs: { format: 'in_person', attendees: 27, minority_attendees: null, duration_min: null },
    });
    expect(v1).toEqual(before);
  });

  it.each(sampleEvents().map((e) => [`${e.type} v${e.schema_version}`, e] as const))(
    'brings %s to the latest version',
    (_name, event) => {
      const latest = upcast(event);
      expect(latest.type).toBe(event.type);
      expect(latest.schema_version).toBe(LATEST_VERSION[event.type]);
      expect(latest.event_id).toBe(event.event_id);
      if (event.schema_version === LATEST_VERSION[event.type]) expect(latest).toBe(event);
    },
  );

  it('yields events that validate once the unknowns are filled in', () => {
    for (const event of sampleEvents()) {
      const latest = upcast(event);
      const filled =
        latest.type === 'meeting.held'
          ? { ...latest, attrs: { ...latest.attrs, minority_attendees: 0, duration_min: 60 } }
          : latest;
      expect(validateEvent(filled).ok).toBe(true);
    }
  });
});
