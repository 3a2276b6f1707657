/**
 * Upcasting: any supported version of an event → the latest version of its type, so the pipeline's rollups
 * read one shape per type. Fields an old version never recorded become `null` (unknown), never a guess.
 */
import type { ActivityEvent, EventOf, EventType, LatestWireEvent } from './catalogue.js';

type WithNullable<T, K extends keyof T> = { [P in keyof T]: P extends K ? T[P] | null : T[P] };

/** `meeting.held` v2 as upcasting yields it: a v1 meeting did not record minority attendance or duration. */
type UpcastMeetingHeld = Omit<EventOf<'meeting.held', 2>, 'attrs'> & {
  attrs: WithNullable<EventOf<'meeting.held', 2>['attrs'], 'minority_attendees' | 'duration_min'>;
};

/**
 * An event at the latest version of its type, as {@link upcast} returns it. It differs from the latest wire
 * schema only where an older version lacked a field: `meeting.held` `minority_attendees` and `duration_min`
 * may be `null`, meaning unknown.
 */
export type LatestEvent = Exclude<LatestWireEvent, { type: 'meeting.held' }> | UpcastMeetingHeld;

/** The latest-version events of one type. */
export type LatestEventOf<T extends EventType> = Extract<LatestEvent, { type: T }>;

function upcastMeetingHeld(event: EventOf<'meeting.held'>): LatestEventOf<'meeting.held'> {
  if (event.schema_version === 2) return event;
  return {
    ...event,
    schema_version: 2,
    attrs: { ...event.attrs, minority_attendees: null, duration_min: null },
  };
}

/**
 * Returns the latest version of an event: unchanged when it already is, otherwise a new object (the input
 * is not modified). A type that gains a version fails to compile here until its upcaster is written.
 *
 * @example
 * upcast(meetingV1).attrs.minority_attendees; // null: v1 did not record it
 */
export function upcast(event: ActivityEvent): LatestEvent {
  if (event.type === 'meeting.held') return upcastMeetingHeld(event);
  return event;
}
