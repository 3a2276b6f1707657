import { describe, expect, it } from 'vitest';
import { formatIssues, type EventIssue } from '@vwu/contracts';

describe('formatIssues', () => {
  it.each<[EventIssue[], string]>([
    [[], 'no issues'],
    [
      [{ path: '/attrs/attendees', message: 'expected an integer ≥ 0, got "12"' }],
      'invalid event: /attrs/attendees: expected an integer ≥ 0, got "12"',
    ],
    [
      [{ path: '', message: 'not UTF-8 text; expected one JSON object encoded as UTF-8' }],
      'invalid event: (event): not UTF-8 text; expected one JSON object encoded as UTF-8',
    ],
    [
      [
        { path: '/attrs/format', message: 'required field is missing' },
        { path: '/attrs/colour', message: 'unknown field' },
      ],
      'invalid event, 2 issues: /attrs/format: required field is missing; /attrs/colour: unknown field',
    ],
  ])('%j', (issues, line) => {
    expect(formatIssues(issues)).toBe(line);
    expect(formatIssues(issues)).not.toContain('\n');
  });
});
