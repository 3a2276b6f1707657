/**
 * Events about what units do with members and the public: posts, member meetings, trainings, communication
 * work and moderated online groups.
 */
import { Type } from 'typebox';
import { defineEvent } from './envelope.js';
import { CountSchema, PseudonymKeySchema, attrsSchema } from './fields.js';

/**
 * A post on one of the unit's channels. Target: units with ≥1 propaganda post on website/fanpage per month
 * (numerator: distinct `unit_code` with `purpose = propaganda` and `channel ∈ {website, fanpage}`).
 */
export const PostPublishedV1 = defineEvent(
  'post.published',
  1,
  attrsSchema({
    channel: Type.Enum(['website', 'fanpage', 'zalo_oa', 'zalo_group', 'facebook_group']),
    purpose: Type.Enum(['propaganda', 'information']),
  }),
  'A propaganda or information post published on one of the unit’s channels.',
);

const MeetingFormatSchema = Type.Enum(['in_person', 'online', 'hybrid']);

/** A branch member meeting (sinh hoạt hội), first version: attendance without the minority breakdown. */
export const MeetingHeldV1 = defineEvent(
  'meeting.held',
  1,
  attrsSchema({ format: MeetingFormatSchema, attendees: CountSchema }),
  'A member meeting (sinh hoạt hội) held in person, online or hybrid, with attendance.',
);

/**
 * A branch member meeting, second version: adds ethnic-minority attendance (≤ `attendees`) and the duration.
 */
export const MeetingHeldV2 = defineEvent(
  'meeting.held',
  2,
  attrsSchema({
    format: MeetingFormatSchema,
    attendees: CountSchema,
    minority_attendees: CountSchema,
    duration_min: Type.Integer({ minimum: 1, maximum: 600 }),
  }),
  'A member meeting with attendance, ethnic-minority attendance (at most attendees) and duration in minutes.',
);

/**
 * A training session. Targets: communes holding ≥1 IT-skills activity for members (topic ≠ other, audience
 * members or mixed); members trained on digital platforms and supported in e-commerce, ≥30% of them
 * ethnic-minority (`minority_participants / participants`).
 */
export const TrainingHeldV1 = defineEvent(
  'training.held',
  1,
  attrsSchema({
    topic: Type.Enum(['digital_skills', 'e_commerce', 'online_public_services', 'it_for_cadres', 'other']),
    participants: CountSchema,
    minority_participants: CountSchema,
    audience: Type.Enum(['members', 'cadres', 'mixed']),
  }),
  'A training session with participants, of whom ethnic-minority/mountain (at most participants).',
);

/**
 * A communication material or activity produced; `digitised` says whether it was digitised and published.
 * Targets: materials digitised ≥70% (kind = material), activities digitised ≥30% (kind = activity).
 */
export const CommsPublishedV1 = defineEvent(
  'comms.published',
  1,
  attrsSchema({ kind: Type.Enum(['material', 'activity']), digitised: Type.Boolean() }),
  'A communication material or activity, and whether it was digitised.',
);

/** A batch of moderation work in one of the unit's online groups (seed 002). */
export const GroupModeratedV1 = defineEvent(
  'group.moderated',
  1,
  attrsSchema({
    group_key: PseudonymKeySchema,
    action: Type.Enum(['join_approved', 'post_approved', 'post_rejected', 'contest_held', 'wish_collected']),
    count: Type.Integer({ minimum: 1, maximum: 100_000 }),
  }),
  'Join requests or posts approved, online contests held or membership wishes collected in an online group.',
);
