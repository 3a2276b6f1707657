/**
 * The catalogue of activity events: every type with its schema versions, oldest first. The TypeScript
 * types are derived from these schemas, so the schemas are the one source of truth.
 */
import type { Static, TSchema } from 'typebox';
import {
  CommsPublishedV1,
  GroupModeratedV1,
  MeetingHeldV1,
  MeetingHeldV2,
  PostPublishedV1,
  TrainingHeldV1,
} from './activity.js';
import { CaseClosedV1, CaseReportedV1 } from './cases.js';
import {
  ContestEntryAwardedV1,
  ContestEntryPromotedV1,
  ContestEntryScoredV1,
  ContestEntrySubmittedV1,
} from './contests.js';
import {
  CardActivatedV1,
  MemberJoinedV1,
  MemberLeftV1,
  MemberTransferredV1,
  RegistrySnapshotV1,
} from './membership.js';
import { DocumentIssuedV1, DocumentReceivedV1, ReportSubmittedV1, WorkfileProcessedV1 } from './paperwork.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Schemas per event type; index `v - 1` holds version `v`. Add a version by appending, never by editing
 * a published one. Deeply frozen: a consumer that needs a variant clones first.
 */
export const EVENT_CATALOGUE = deepFreeze({
  'post.published': [PostPublishedV1],
  'meeting.held': [MeetingHeldV1, MeetingHeldV2],
  'document.received': [DocumentReceivedV1],
  'document.issued': [DocumentIssuedV1],
  'workfile.processed': [WorkfileProcessedV1],
  'training.held': [TrainingHeldV1],
  'case.reported': [CaseReportedV1],
  'case.closed': [CaseClosedV1],
  'member.joined': [MemberJoinedV1],
  'member.left': [MemberLeftV1],
  'member.transferred': [MemberTransferredV1],
  'card.activated': [CardActivatedV1],
  'group.moderated': [GroupModeratedV1],
  'comms.published': [CommsPublishedV1],
  'report.submitted': [ReportSubmittedV1],
  'registry.snapshot': [RegistrySnapshotV1],
  'contest.entry_submitted': [ContestEntrySubmittedV1],
  'contest.entry_scored': [ContestEntryScoredV1],
  'contest.entry_promoted': [ContestEntryPromotedV1],
  'contest.entry_awarded': [ContestEntryAwardedV1],
} as const satisfies Record<string, readonly [TSchema, ...TSchema[]]>);

type Catalogue = typeof EVENT_CATALOGUE;

/** Name of an activity event type, e.g. `'meeting.held'`. */
export type EventType = keyof Catalogue;

/** Any valid activity event: every type × version, discriminated by `type` and `schema_version`. */
export type ActivityEvent = { [T in EventType]: Static<Catalogue[T][number]> }[EventType];

/**
 * The events of one type, all versions by default or one version when `V` is given.
 *
 * @example
 * function attendance(e: EventOf<'meeting.held', 2>): number { return e.attrs.attendees; }
 */
export type EventOf<T extends EventType, V extends number = number> = Extract<
  ActivityEvent,
  { type: T; schema_version: V }
>;

/** The latest schema of each type, as it appears on the wire. */
export type LatestWireEvent = {
  [T in EventType]: Catalogue[T] extends readonly [...TSchema[], infer L extends TSchema] ? Static<L> : never;
}[EventType];

/** Every event type, in catalogue order. */
export const EVENT_TYPES: readonly EventType[] = Object.freeze(Object.keys(EVENT_CATALOGUE) as EventType[]);

/** The newest schema version this reader knows for each event type; versions run from 1 to it. */
export const LATEST_VERSION: Readonly<Record<EventType, number>> = Object.freeze(
  Object.fromEntries(EVENT_TYPES.map((type) => [type, EVENT_CATALOGUE[type].length])) as Record<
    EventType,
    number
  >,
);

/**
 * The closed JSON Schema of one event type at one version, for Fastify routes and OpenAPI. The schema is
 * frozen; clone it (`structuredClone`) before adapting it.
 *
 * @throws RangeError when the type or version is not in the catalogue.
 * @example
 * app.post('/events/meeting', { schema: { body: eventSchema('meeting.held', 2) } }, handler);
 */
export function eventSchema(type: EventType, version: number): TSchema {
  const versions: readonly TSchema[] | undefined = Object.hasOwn(EVENT_CATALOGUE, type)
    ? EVENT_CATALOGUE[type]
    : undefined;
  const schema = Number.isInteger(version) ? versions?.[version - 1] : undefined;
  if (schema === undefined) throw new RangeError(`no schema for event type "${type}" version ${version}`);
  return schema;
}
