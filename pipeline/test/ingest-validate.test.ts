import { describe, expect, it } from 'vitest';
import { checkMessage } from '@vwu/pipeline';
import { meeting, message, post } from './ingest-fixtures.js';

describe('checkMessage', () => {
  it.each([
    { name: 'a valid event', value: post(1), type: 'event' },
    { name: 'meeting.held version 1', value: meeting(1, 1), type: 'event' },
    { name: 'meeting.held version 2', value: meeting(1, 2), type: 'event' },
    { name: 'bytes that are not UTF-8', value: Buffer.from([0xff, 0xfe, 0x00]), type: 'undecodable' },
    { name: 'text that is not JSON', value: 'hello {', type: 'undecodable' },
    { name: 'an empty message (tombstone)', value: Buffer.alloc(0), type: 'undecodable' },
    { name: 'a JSON array', value: [1, 2], type: 'invalid' },
    { name: 'an unknown event type', value: { ...post(1), type: 'party.thrown' }, type: 'invalid' },
    {
      name: 'a schema version newer than this reader',
      value: { ...meeting(1, 2), schema_version: 3 },
      type: 'invalid',
    },
    {
      name: 'minority attendance above attendance',
      value: {
        ...meeting(1, 2),
        attrs: { format: 'online', attendees: 5, minority_attendees: 9, duration_min: 30 },
      },
      type: 'invalid',
    },
  ])('$name → $type', ({ value, type }) => {
    expect(checkMessage(message(0, value)).type).toBe(type);
  });
});
