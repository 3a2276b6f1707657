/**
 * The rollup metrics: every numerator and denominator of the targets in DOMAIN.md (seeds 001, 003, 004), as
 * one SQL expression each over the event columns. Targets are ratios and thresholds applied by readers (and
 * edited as data); rollups carry only the counts they are made of. The expressions are constants of this
 * module, never built from input. Besides the event columns, `case.reported` rows carry `close_days` and
 * `close_outcome` from the first `case.closed` of the same `case_key` (see `rollup.ts`), so the portal-case
 * KPI — reported through the portal, advised or resolved within N days — is counted in the report's period.
 */
import type { EventType } from '@vwu/contracts';

/** `sum`: add the expression over events. `last`: the unit's latest snapshot in the period (registry totals). */
export type MetricAggregate = 'sum' | 'last';

/** One metric. */
export interface MetricDefinition {
  /** Stable id, the `metric` value in rollup files. */
  metric: string;
  type: EventType;
  /** SQL over the event columns: the event's contribution (1 to count it). */
  value: string;
  aggregate: MetricAggregate;
  /** What it counts and which target uses it. */
  description: string;
}

const count = (
  metric: string,
  type: EventType,
  condition: string,
  description: string,
): MetricDefinition => ({
  metric,
  type,
  value: condition === 'TRUE' ? '1' : `CASE WHEN ${condition} THEN 1 ELSE 0 END`,
  aggregate: 'sum',
  description,
});

const total = (
  metric: string,
  type: EventType,
  expression: string,
  description: string,
): MetricDefinition => ({
  metric,
  type,
  value: expression,
  aggregate: 'sum',
  description,
});

const snapshot = (column: string, description: string): MetricDefinition => ({
  metric: column,
  type: 'registry.snapshot',
  value: column,
  aggregate: 'last',
  description,
});

/** Every rollup metric, grouped by event type. */
export const METRICS: readonly MetricDefinition[] = [
  count('posts', 'post.published', 'TRUE', 'posts on any channel'),
  count(
    'posts_propaganda_web',
    'post.published',
    "purpose = 'propaganda' AND channel IN ('website', 'fanpage')",
    'numerator unit: ≥1 propaganda post on website/fanpage a month',
  ),
  count('meetings', 'meeting.held', 'TRUE', 'member meetings held'),
  count(
    'meetings_online',
    'meeting.held',
    "format IN ('online', 'hybrid')",
    'meetings held online or hybrid (IT in meetings)',
  ),
  total('meeting_attendees', 'meeting.held', 'attendees', 'attendance'),
  total(
    'meeting_attendees_minority_known',
    'meeting.held',
    'CASE WHEN minority_attendees IS NULL THEN 0 ELSE attendees END',
    'denominator: attendance where minority attendance was recorded (v2)',
  ),
  total(
    'meeting_minority_attendees',
    'meeting.held',
    'coalesce(minority_attendees, 0)',
    'numerator: ethnic-minority attendance',
  ),
  count('docs_received', 'document.received', 'TRUE', 'incoming documents, secret included'),
  count(
    'docs_received_nonsecret',
    'document.received',
    'NOT secret',
    'denominator: non-secret incoming documents',
  ),
  count(
    'docs_received_online',
    'document.received',
    "NOT secret AND processing = 'online'",
    'numerator: non-secret incoming documents processed online',
  ),
  count('docs_issued', 'document.issued', 'TRUE', 'outgoing documents, secret included'),
  count(
    'docs_issued_nonsecret',
    'document.issued',
    'NOT secret',
    'denominator: non-secret outgoing documents',
  ),
  count(
    'docs_issued_signed_electronic',
    'document.issued',
    'NOT secret AND digitally_signed AND electronic',
    'numerator: non-secret outgoing documents signed and issued electronically',
  ),
  count('workfiles', 'workfile.processed', 'TRUE', 'denominator: work files processed'),
  count('workfiles_online', 'workfile.processed', 'online', 'numerator: work files processed online'),
  count('trainings', 'training.held', 'TRUE', 'training sessions'),
  count(
    'trainings_it_members',
    'training.held',
    "topic <> 'other' AND audience IN ('members', 'mixed')",
    'numerator unit: ≥1 IT-skills activity for members a year',
  ),
  total(
    'trained_digital',
    'training.held',
    "CASE WHEN topic IN ('digital_skills', 'online_public_services') THEN participants ELSE 0 END",
    'members trained on digital platforms',
  ),
  total(
    'trained_digital_minority',
    'training.held',
    "CASE WHEN topic IN ('digital_skills', 'online_public_services') THEN minority_participants ELSE 0 END",
    'of whom ethnic-minority/mountain',
  ),
  total(
    'trained_e_commerce',
    'training.held',
    "CASE WHEN topic = 'e_commerce' THEN participants ELSE 0 END",
    'members supported in e-commerce',
  ),
  total(
    'trained_e_commerce_minority',
    'training.held',
    "CASE WHEN topic = 'e_commerce' THEN minority_participants ELSE 0 END",
    'of whom ethnic-minority',
  ),
  count('comms_materials', 'comms.published', "kind = 'material'", 'denominator: communication materials'),
  count(
    'comms_materials_digitised',
    'comms.published',
    "kind = 'material' AND digitised",
    'numerator: materials digitised and published',
  ),
  count('comms_activities', 'comms.published', "kind = 'activity'", 'denominator: communication activities'),
  count(
    'comms_activities_digitised',
    'comms.published',
    "kind = 'activity' AND digitised",
    'numerator: activities digitised',
  ),
  count('cases_reported', 'case.reported', 'TRUE', 'cases and complaints reported'),
  count(
    'cases_reported_portal',
    'case.reported',
    "channel = 'portal'",
    'denominator: cases reported through the portal',
  ),
  ...[7, 15, 30, 60, 90].map((days) =>
    count(
      `cases_portal_ok_${days}d`,
      'case.reported',
      `channel = 'portal' AND close_outcome IN ('advised', 'resolved') AND close_days <= ${days}`,
      `numerator (report period): portal cases advised or resolved within ${days} days of the report`,
    ),
  ),
  total(
    'cases_portal_ok_days_sum',
    'case.reported',
    "CASE WHEN channel = 'portal' AND close_outcome IN ('advised', 'resolved') AND close_days <= 90 THEN close_days ELSE 0 END",
    'days from report to closure of the portal cases advised or resolved within 90 days (average = this / cases_portal_ok_90d)',
  ),
  count('cases_closed', 'case.closed', 'TRUE', 'cases closed'),
  count(
    'cases_advised_resolved',
    'case.closed',
    "outcome IN ('advised', 'resolved')",
    'numerator: cases advised or resolved',
  ),
  count('members_joined', 'member.joined', 'TRUE', 'members joined'),
  count('members_joined_minority', 'member.joined', 'minority', 'of whom ethnic-minority'),
  count('members_left', 'member.left', 'TRUE', 'members left'),
  count('members_transferred', 'member.transferred', 'TRUE', 'member records transferred out'),
  count('cards_activated', 'card.activated', 'NOT reissue', 'smart cards activated (first issue)'),
  count('reports', 'report.submitted', 'TRUE', 'reports submitted'),
  count(
    'reports_via_software',
    'report.submitted',
    'via_software',
    'numerator unit: reports through the software',
  ),
  total(
    'group_joins_approved',
    'group.moderated',
    "CASE WHEN action = 'join_approved' THEN count ELSE 0 END",
    'online-group join requests approved',
  ),
  total(
    'group_posts_approved',
    'group.moderated',
    "CASE WHEN action = 'post_approved' THEN count ELSE 0 END",
    'online-group posts approved',
  ),
  total(
    'group_contests_held',
    'group.moderated',
    "CASE WHEN action = 'contest_held' THEN count ELSE 0 END",
    'online contests held',
  ),
  total(
    'group_wishes_collected',
    'group.moderated',
    "CASE WHEN action = 'wish_collected' THEN count ELSE 0 END",
    'membership wishes from non-members',
  ),
  count(
    'contest_entries_submitted',
    'contest.entry_submitted',
    'TRUE',
    'contest entries (participation per unit)',
  ),
  count('contest_entries_promoted', 'contest.entry_promoted', 'TRUE', 'entries forwarded to the next level'),
  count('contest_entries_awarded', 'contest.entry_awarded', 'TRUE', 'entries awarded'),
  snapshot('members_total', 'denominator: members (latest snapshot in the period)'),
  snapshot('members_in_software', 'numerator: members managed in the software'),
  snapshot('cadres_total', 'denominator: cadres'),
  snapshot('cadres_in_software', 'numerator: cadres managed in the software'),
  snapshot('cards_active', 'numerator: members using the smart card'),
];
