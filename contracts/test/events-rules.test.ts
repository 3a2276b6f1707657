import { describe, expect, it } from 'vitest';
import { validateEvent, type EventIssue } from '@vwu/contracts';
import { edit, sampleEvents, type Json } from './events-samples.js';

function issuesOf(input: unknown): EventIssue[] {
  const result = validateEvent(input);
  return result.ok ? [] : result.issues;
}

/** The sample of `type` with its attrs replaced. */
function sampleWith(type: string, attrs: Record<string, unknown>): Json {
  const sample = sampleEvents().find((e) => e.type === type);
  if (sample === undefined) throw new Error(`no sample of ${type}`);
  return { ...sample, attrs } as Json;
}

describe('cross-field rules accept', () => {
  it.each([
    ['minority_attendees equal to attendees', edit((e) => (e.attrs.minority_attendees = 20))],
    ['the first instant of the 2025 structure', edit((e) => (e.occurred_at = '2025-07-01T00:00:00+07:00'))],
    ['the same instant written in UTC', edit((e) => (e.occurred_at = '2025-06-30T17:00:00Z'))],
    [
      'the last instant of the pre-2025 structure',
      edit((e) => {
        e.unit_code = 'pre2025:001';
        e.occurred_at = '2025-06-30T16:59:59.999Z';
      }),
    ],
    [
      'a late-evening pre-2025 meeting written with a far-west offset',
      edit((e) => {
        e.unit_code = 'pre2025:001';
        e.occurred_at = '2025-06-29T23:00:00-12:00';
      }),
    ],
    [
      'in_software equal to total',
      sampleWith('registry.snapshot', {
        members_total: 10,
        members_in_software: 10,
        cadres_total: 2,
        cadres_in_software: 2,
        cards_active: 10,
      }),
    ],
  ])('%s', (_name, event) => {
    expect(issuesOf(event)).toEqual([]);
  });
});

describe('cross-field rules reject, naming both fields', () => {
  it.each<[string, unknown, EventIssue[]]>([
    [
      'minority_attendees above attendees',
      edit((e) => (e.attrs.minority_attendees = 21)),
      [
        {
          path: '/attrs/minority_attendees',
          message: 'minority_attendees (21) must not exceed attendees (20)',
        },
      ],
    ],
    [
      'minority_participants above participants',
      sampleWith('training.held', {
        topic: 'e_commerce',
        participants: 10,
        minority_participants: 11,
        audience: 'mixed',
      }),
      [
        {
          path: '/attrs/minority_participants',
          message: 'minority_participants (11) must not exceed participants (10)',
        },
      ],
    ],
    [
      'in_software above total, and more cards than members',
      sampleWith('registry.snapshot', {
        members_total: 10,
        members_in_software: 11,
        cadres_total: 2,
        cadres_in_software: 3,
        cards_active: 12,
      }),
      [
        {
          path: '/attrs/members_in_software',
          message: 'members_in_software (11) must not exceed members_total (10)',
        },
        {
          path: '/attrs/cadres_in_software',
          message: 'cadres_in_software (3) must not exceed cadres_total (2)',
        },
        { path: '/attrs/cards_active', message: 'cards_active (12) must not exceed members_total (10)' },
      ],
    ],
    [
      'a transfer to the same unit',
      sampleWith('member.transferred', {
        member_key: 'mbr_01J9ZK3QW8',
        from_unit: '2025:00004',
        to_unit: '2025:00004',
      }),
      [{ path: '/attrs/to_unit', message: 'to_unit must differ from from_unit (both 2025:00004)' }],
    ],
    [
      'a pre-2025 unit after the reorganisation',
      edit((e) => (e.unit_code = 'pre2025:00004-03')),
      [
        {
          path: '/unit_code',
          message:
            'pre2025:00004-03 is a pre-2025 unit but occurred_at 2025-09-15T19:00:00+07:00 is on or after ' +
            '2025-07-01 (Vietnam time); record the activity against its 2025 unit',
        },
      ],
    ],
    [
      'a 2025 unit before the reorganisation',
      edit((e) => (e.occurred_at = '2025-06-30T23:59:59+07:00')),
      [
        {
          path: '/unit_code',
          message:
            '2025:00004-03 is a 2025 unit but occurred_at 2025-06-30T23:59:59+07:00 is before 2025-07-01 ' +
            '(Vietnam time); record the activity against its pre-2025 unit',
        },
      ],
    ],
    [
      'a 2025 unit in 2024',
      edit((e) => (e.occurred_at = '2024-09-15T19:00:00+07:00')),
      [{ path: '/unit_code', message: expect.stringContaining('is a 2025 unit but occurred_at 2024-09-15') }],
    ],
    [
      'a rule alongside schema issues',
      edit((e) => {
        e.attrs.minority_attendees = 30;
        e.attrs.format = 'radio';
      }),
      [
        { path: '/attrs/format', message: 'expected one of in_person, online, hybrid, got "radio"' },
        {
          path: '/attrs/minority_attendees',
          message: 'minority_attendees (30) must not exceed attendees (20)',
        },
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(issuesOf(input)).toEqual(expected);
  });

  it.each([
    [
      'attendees is malformed',
      edit((e) => Object.assign(e.attrs, { attendees: '12', minority_attendees: 30 })),
    ],
    [
      'occurred_at is malformed',
      edit((e) => Object.assign(e, { unit_code: 'pre2025:001', occurred_at: '2025-02-30T00:00:00Z' })),
    ],
    ['attrs is missing', edit((e) => delete (e as Partial<Json>).attrs)],
  ])('stay quiet when a field they read is already flagged: %s', (_name, event) => {
    const issues = issuesOf(event);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).not.toMatch(/must not exceed|is a pre-2025 unit/);
  });
});
