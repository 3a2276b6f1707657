/**
 * THE runtime validator for activity events. It reads the envelope first (type known, schema_version
 * supported), then runs the compiled checker of exactly that type × version, then the cross-field rules.
 * Valid events take the fast path (one compiled check); only invalid ones pay for error collection.
 */
import { Compile, type Validator } from 'typebox/compile';
import {
  EVENT_CATALOGUE,
  EVENT_TYPES,
  LATEST_VERSION,
  type ActivityEvent,
  type EventType,
} from './catalogue.js';
import { describeValue } from './describe.js';
import { OpenEnvelopeSchema } from './envelope.js';
import { capIssues, schemaIssues, type EventIssue } from './issues.js';
import { crossFieldIssues } from './rules.js';

/** The outcome of validating one event: the typed event, or every issue found (capped). */
export type ValidationResult = { ok: true; event: ActivityEvent } | { ok: false; issues: EventIssue[] };

/** Compiled checkers, built on first use so importing the package stays cheap; index `v - 1` is version `v`. */
const checkers = new Map<string, (Validator | undefined)[]>(EVENT_TYPES.map((type) => [type, []]));
let openEnvelope: Validator | undefined;

function checkerFor(type: EventType, version: number): Validator {
  const cache = checkers.get(type) ?? [];
  let checker = cache[version - 1];
  if (checker === undefined) {
    const schema = EVENT_CATALOGUE[type][version - 1];
    if (schema === undefined) throw new RangeError(`no schema for ${type} version ${version}`);
    checker = Compile(schema);
    cache[version - 1] = checker;
  }
  return checker;
}

function versionRange(type: EventType): string {
  const latest = LATEST_VERSION[type];
  return latest === 1 ? '1' : `1–${latest}`;
}

/** The checker for the event's `type` × `schema_version`, or `undefined` when either is unusable. */
function selectChecker(input: Record<string, unknown>): Validator | undefined {
  const { type, schema_version: version } = input;
  if (typeof type !== 'string' || typeof version !== 'number' || !checkers.has(type)) return undefined;
  const known = type as EventType;
  if (!Number.isInteger(version) || version < 1 || version > LATEST_VERSION[known]) return undefined;
  return checkerFor(known, version);
}

/** Why {@link selectChecker} found no checker: issues at `/type` and `/schema_version`. */
function dispatchIssues(input: Record<string, unknown>): EventIssue[] {
  const issues: EventIssue[] = [];
  const { type, schema_version: version } = input;
  let known: EventType | undefined;
  if (type === undefined) {
    issues.push({ path: '/type', message: 'required field is missing' });
  } else if (typeof type !== 'string') {
    issues.push({
      path: '/type',
      message: `expected an event type such as "meeting.held", got ${describeValue(type)}`,
    });
  } else if (!checkers.has(type)) {
    issues.push({
      path: '/type',
      message: `unknown event type ${describeValue(type)}; expected one of ${EVENT_TYPES.join(', ')}`,
    });
  } else {
    known = type as EventType;
  }
  if (version === undefined) {
    issues.push({ path: '/schema_version', message: 'required field is missing' });
  } else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    issues.push({
      path: '/schema_version',
      message: `expected an integer ≥ 1, got ${describeValue(version)}`,
    });
  } else if (known !== undefined && version > LATEST_VERSION[known]) {
    issues.push({
      path: '/schema_version',
      message:
        `${known} version ${version} is newer than this reader supports (${versionRange(known)}); ` +
        'upgrade the reader',
    });
  }
  return issues;
}

/**
 * Validates an already-parsed event and narrows it to {@link ActivityEvent}. Reports every issue (up to
 * `MAX_ISSUES`) with a message naming the field, what was expected and what was got. The event returned is
 * the input object itself, not a copy.
 *
 * @example
 * const result = validateEvent(JSON.parse(line));
 * if (!result.ok) deadLetter(line, formatIssues(result.issues));
 */
export function validateEvent(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ path: '', message: `expected a JSON object, got ${describeValue(input)}` }],
    };
  }
  const event = input as Record<string, unknown>;
  const checker = selectChecker(event);
  if (checker === undefined) {
    openEnvelope ??= Compile(OpenEnvelopeSchema);
    return { ok: false, issues: capIssues([...dispatchIssues(event), ...schemaIssues(openEnvelope, event)]) };
  }
  const type = event.type as EventType;
  if (checker.Check(event)) {
    const ruleIssues = crossFieldIssues(type, event);
    return ruleIssues.length === 0
      ? { ok: true, event: event as ActivityEvent }
      : { ok: false, issues: ruleIssues };
  }
  const issues = schemaIssues(checker, event);
  const flagged = issues.map((issue) => issue.path);
  return { ok: false, issues: capIssues([...issues, ...crossFieldIssues(type, event, flagged)]) };
}
