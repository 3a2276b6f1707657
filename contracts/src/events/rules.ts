/**
 * Rules that span fields, which JSON Schema cannot state: a part never exceeds its whole, a transfer moves
 * between two different units, and a unit key's structure matches when the activity happened.
 */
import type { EventType } from './catalogue.js';
import type { EventIssue } from './issues.js';

/** The event as the rules read it: the schema has already vouched for every field a rule reads. */
type CheckedEvent = { occurred_at: string; unit_code: string; attrs: Record<string, unknown> };

/** A cross-field rule: the JSON pointers it reads, and the check that returns an issue when broken. */
type CrossFieldRule = { reads: readonly string[]; check: (event: CheckedEvent) => EventIssue | undefined };

/** 2025-07-01 00:00 in Vietnam (UTC+7): the 2025 unit structure takes effect. */
const STRUCTURE_2025_FROM = Date.UTC(2025, 5, 30, 17, 0, 0);

/**
 * Whether a validated `occurred_at` falls in the 2025 structure. Offsets shift an instant by less than a
 * day, so only dates next to the cut-over need parsing; the rest compare as strings.
 */
function inStructure2025(occurredAt: string): boolean {
  const day = occurredAt.slice(0, 10);
  if (day < '2025-06-29') return false;
  if (day > '2025-07-01') return true;
  return Date.parse(occurredAt) >= STRUCTURE_2025_FROM;
}

function partOfWhole(part: string, whole: string): CrossFieldRule {
  return {
    reads: [`/attrs/${part}`, `/attrs/${whole}`],
    check: ({ attrs }) => {
      const p = attrs[part];
      const w = attrs[whole];
      if (typeof p !== 'number' || typeof w !== 'number' || p <= w) return undefined;
      return { path: `/attrs/${part}`, message: `${part} (${p}) must not exceed ${whole} (${w})` };
    },
  };
}

const differentUnits: CrossFieldRule = {
  reads: ['/attrs/from_unit', '/attrs/to_unit'],
  check: ({ attrs }) =>
    attrs.from_unit === attrs.to_unit
      ? {
          path: '/attrs/to_unit',
          message: `to_unit must differ from from_unit (both ${String(attrs.to_unit)})`,
        }
      : undefined,
};

const structureMatchesDate: CrossFieldRule = {
  reads: ['/unit_code', '/occurred_at'],
  check: ({ unit_code, occurred_at }) => {
    const from2025 = inStructure2025(occurred_at);
    const isPre2025 = unit_code.startsWith('pre2025:');
    if (isPre2025 && from2025) {
      return {
        path: '/unit_code',
        message:
          `${unit_code} is a pre-2025 unit but occurred_at ${occurred_at} is on or after 2025-07-01 ` +
          '(Vietnam time); record the activity against its 2025 unit',
      };
    }
    if (!isPre2025 && !from2025) {
      return {
        path: '/unit_code',
        message:
          `${unit_code} is a 2025 unit but occurred_at ${occurred_at} is before 2025-07-01 ` +
          '(Vietnam time); record the activity against its pre-2025 unit',
      };
    }
    return undefined;
  },
};

const TYPE_RULES: Partial<Record<EventType, readonly CrossFieldRule[]>> = {
  'meeting.held': [partOfWhole('minority_attendees', 'attendees')],
  'training.held': [partOfWhole('minority_participants', 'participants')],
  'member.transferred': [differentUnits],
  'registry.snapshot': [
    partOfWhole('members_in_software', 'members_total'),
    partOfWhole('cadres_in_software', 'cadres_total'),
    partOfWhole('cards_active', 'members_total'),
  ],
};

const COMMON_RULES: readonly CrossFieldRule[] = [structureMatchesDate];

const RULES = new Map<string, readonly CrossFieldRule[]>(
  Object.entries(TYPE_RULES).map(([type, rules]) => [type, [...COMMON_RULES, ...rules]]),
);

function readsFlagged(rule: CrossFieldRule, flagged: readonly string[]): boolean {
  return rule.reads.some((read) =>
    flagged.some((path) => path === '' || read === path || read.startsWith(`${path}/`)),
  );
}

/**
 * The cross-field issues of an event of a known type. `flagged` lists paths that already have schema
 * issues; rules reading them (or a parent of them) are skipped, so every rule sees well-formed fields.
 */
export function crossFieldIssues(
  type: EventType,
  event: object,
  flagged: readonly string[] = [],
): EventIssue[] {
  const issues: EventIssue[] = [];
  for (const rule of RULES.get(type) ?? COMMON_RULES) {
    if (flagged.length > 0 && readsFlagged(rule, flagged)) continue;
    const issue = rule.check(event as CheckedEvent);
    if (issue !== undefined) issues.push(issue);
  }
  return issues;
}
