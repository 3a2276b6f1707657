import {
  formatIssues,
  validateEvent,
  type ActivityEvent,
  type EventIssue,
  type Hierarchy,
  type Unit,
} from '@vwu/contracts';
import { isInScope } from '../access/scope.js';

/** An event refused before it reached the pipeline. */
export interface RefusedEvent {
  /** Position in the request's array. */
  index: number;
  /** The event's id when it had a readable one. */
  event_id: string | null;
  reason: string;
  issues: EventIssue[];
}

/** A batch split into events to hand on (with their positions) and events refused. */
export interface ScreenedBatch {
  accepted: ActivityEvent[];
  /** `positions[i]` is the request index of `accepted[i]`. */
  positions: number[];
  refused: RefusedEvent[];
}

function idOf(input: unknown): string | null {
  const id =
    typeof input === 'object' && input !== null ? (input as { event_id?: unknown }).event_id : undefined;
  return typeof id === 'string' ? id : null;
}

function refusal(index: number, input: unknown, issues: EventIssue[]): RefusedEvent {
  return { index, event_id: idOf(input), reason: formatIssues(issues), issues };
}

/**
 * Checks every event of a batch on its own: the contract (the one validator of @vwu/contracts), then that
 * its unit exists and lies in the caller's scope. The API is the producer, so `source` is set to `api`.
 * One bad event never sinks the others.
 *
 * @example const { accepted, refused } = screenEvents(body, hierarchy, scope);
 */
export function screenEvents(events: readonly unknown[], hierarchy: Hierarchy, scope: Unit): ScreenedBatch {
  const out: ScreenedBatch = { accepted: [], positions: [], refused: [] };
  for (const [index, input] of events.entries()) {
    const stamped =
      typeof input === 'object' && input !== null && !Array.isArray(input)
        ? { ...input, source: 'api' }
        : input;
    const result = validateEvent(stamped);
    if (!result.ok) {
      out.refused.push(refusal(index, input, result.issues));
      continue;
    }
    const unit = hierarchy.find(result.event.unit_code);
    if (unit === undefined) {
      out.refused.push(
        refusal(index, input, [
          { path: '/unit_code', message: `no unit has the key ${result.event.unit_code}` },
        ]),
      );
      continue;
    }
    if (!isInScope(hierarchy, unit.key, scope.key)) {
      out.refused.push(
        refusal(index, input, [
          { path: '/unit_code', message: `unit ${unit.key} is outside your scope (${scope.key})` },
        ]),
      );
      continue;
    }
    out.accepted.push(result.event);
    out.positions.push(index);
  }
  return out;
}
