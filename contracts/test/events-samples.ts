/**
 * Test fixtures: a valid example event of every type × version, and a valid meeting to break one field at a
 * time. For tests here and in other workspaces; not part of the package's source.
 */
import type { ActivityEvent } from '@vwu/contracts';

type UnitCode = ActivityEvent['unit_code'];

/** A unit key literal, for fixtures only (production code parses keys through the unit hierarchy). */
function unit(text: string): UnitCode {
  return text as UnitCode;
}

function envelope(n: number, occurredAt = '2025-09-15T08:30:00+07:00', unitCode = '2025:00004') {
  return {
    event_id: `evt-sample-${String(n).padStart(4, '0')}`,
    occurred_at: occurredAt,
    unit_code: unit(unitCode),
    source: 'demo' as const,
  };
}

/**
 * One valid event of every type × version, in catalogue order. The meeting v1 is recorded against a
 * pre-2025 unit in 2024, as old data is.
 */
export function sampleEvents(): ActivityEvent[] {
  return [
    {
      ...envelope(1),
      type: 'post.published',
      schema_version: 1,
      attrs: { channel: 'fanpage', purpose: 'propaganda' },
    },
    {
      ...envelope(2, '2024-11-20T19:00:00+07:00', 'pre2025:00004-03'),
      type: 'meeting.held',
      schema_version: 1,
      attrs: { format: 'in_person', attendees: 27 },
    },
    {
      ...envelope(3, '2025-09-15T19:00:00+07:00', '2025:00004-03'),
      type: 'meeting.held',
      schema_version: 2,
      attrs: { format: 'hybrid', attendees: 31, minority_attendees: 4, duration_min: 90 },
    },
    {
      ...envelope(4, '2025-07-01T01:00:00Z', '2025:01'),
      type: 'document.received',
      schema_version: 1,
      attrs: { secret: false, processing: 'online' },
    },
    {
      ...envelope(5, '2025-08-05T09:12:00.123Z', '2025:TW'),
      type: 'document.issued',
      schema_version: 1,
      attrs: { secret: false, digitally_signed: true, electronic: true },
    },
    { ...envelope(6), type: 'workfile.processed', schema_version: 1, attrs: { online: true } },
    {
      ...envelope(7, '2025-10-02T14:00:00+07:00', '2025:38'),
      type: 'training.held',
      schema_version: 1,
      attrs: { topic: 'digital_skills', participants: 120, minority_participants: 40, audience: 'members' },
    },
    {
      ...envelope(8),
      type: 'case.reported',
      schema_version: 1,
      attrs: { case_key: 'case_7Hq2xK9p', channel: 'portal', category: 'domestic_violence' },
    },
    {
      ...envelope(9),
      type: 'case.closed',
      schema_version: 1,
      attrs: { case_key: 'case_7Hq2xK9p', outcome: 'resolved' },
    },
    {
      ...envelope(10),
      type: 'member.joined',
      schema_version: 1,
      attrs: {
        member_key: 'mbr_01J9ZK3QW7',
        honorary: false,
        minority: true,
        age_band: '18-30',
        via: 'online_group',
      },
    },
    {
      ...envelope(11),
      type: 'member.left',
      schema_version: 1,
      attrs: { member_key: 'mbr_01J9ZK3QW8', reason: 'moved' },
    },
    {
      ...envelope(12, '2025-09-15T08:30:00+07:00', '2025:26734'),
      type: 'member.transferred',
      schema_version: 1,
      attrs: { member_key: 'mbr_01J9ZK3QW8', from_unit: unit('2025:00004'), to_unit: unit('2025:26734') },
    },
    {
      ...envelope(13),
      type: 'card.activated',
      schema_version: 1,
      attrs: { member_key: 'mbr_01J9ZK3QW7', reissue: false },
    },
    {
      ...envelope(14, '2024-03-08T10:00:00+07:00', 'pre2025:001'),
      type: 'group.moderated',
      schema_version: 1,
      attrs: { group_key: 'grp_hanoi_bd_01', action: 'join_approved', count: 12 },
    },
    {
      ...envelope(15),
      type: 'comms.published',
      schema_version: 1,
      attrs: { kind: 'material', digitised: true },
    },
    {
      ...envelope(16, '2025-12-31T16:59:59Z', '2025:01'),
      type: 'report.submitted',
      schema_version: 1,
      attrs: { period: '2025-H2', via_software: true },
    },
    {
      ...envelope(17, '2025-09-30T23:00:00+07:00'),
      type: 'registry.snapshot',
      schema_version: 1,
      attrs: {
        members_total: 1840,
        members_in_software: 1795,
        cadres_total: 42,
        cadres_in_software: 42,
        cards_active: 1102,
      },
    },
    {
      ...envelope(18, '2024-02-14T10:00:00+07:00', 'pre2025:72'),
      type: 'contest.entry_submitted',
      schema_version: 1,
      attrs: { contest_id: 'tn-2024-it-meetings', entry_id: 'entry-0042', stage: 1 },
    },
    {
      ...envelope(19, '2024-04-10T15:00:00+07:00', 'pre2025:72'),
      type: 'contest.entry_scored',
      schema_version: 1,
      attrs: { contest_id: 'tn-2024-it-meetings', entry_id: 'entry-0042', stage: 2, score: 87.5, judges: 5 },
    },
    {
      ...envelope(20, '2024-04-12T17:00:00+07:00', 'pre2025:72'),
      type: 'contest.entry_promoted',
      schema_version: 1,
      attrs: {
        contest_id: 'tn-2024-it-meetings',
        entry_id: 'entry-0042',
        from_stage: 2,
        to_level: 'central',
      },
    },
    {
      ...envelope(21, '2024-04-15T09:00:00+07:00', 'pre2025:72'),
      type: 'contest.entry_awarded',
      schema_version: 1,
      attrs: { contest_id: 'tn-2024-it-meetings', entry_id: 'entry-0042', tier: 'first' },
    },
  ];
}

/** An event as parsed JSON, before validation. */
export type Json = Record<string, unknown> & { attrs: Record<string, unknown> };

/** A valid meeting.held v2, fresh on every call. */
export function meeting(): Json {
  return {
    event_id: '01J9ZK3QW7M4XKQ8V2N5RT6Y0A',
    type: 'meeting.held',
    schema_version: 2,
    occurred_at: '2025-09-15T19:00:00+07:00',
    unit_code: '2025:00004-03',
    source: 'api',
    attrs: { format: 'online', attendees: 20, minority_attendees: 5, duration_min: 60 },
  };
}

/** {@link meeting} with one change applied. */
export function edit(change: (e: Json) => void): Json {
  const event = meeting();
  change(event);
  return event;
}
