/**
 * Validation issues: the shape every caller sees, the translation of TypeBox errors into plain English,
 * and the one-line summary for logs and HTTP responses.
 */
import type { TSchema } from 'typebox';
import type { Validator } from 'typebox/compile';
import { Settings } from 'typebox/system';
import { describeSchema, describeValue } from './describe.js';

/** One problem with an event: a JSON pointer into the event (`/attrs/attendees`, `''` for the whole) and what to fix. */
export type EventIssue = { path: string; message: string };

/** Most issues reported for one event; a further issue says when more were left out. */
export const MAX_ISSUES = 20;

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Follows a JSON pointer (`/a/b`, or `#/a/b` for schema paths) through plain objects and arrays. */
function resolvePointer(root: unknown, pointer: string): unknown {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '') return root;
  let node = root;
  for (const segment of body.slice(1).split('/')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[unescapePointer(segment)];
  }
  return node;
}

/**
 * Every schema issue of `value` against a compiled validator, in plain English, one per path.
 * TypeBox buffers only a few errors by default; the limit is raised for this call and then restored.
 */
export function schemaIssues(validator: Validator, value: unknown): EventIssue[] {
  const settings = Settings.Get();
  const previous = settings.maxErrors;
  Settings.Set({ maxErrors: MAX_ISSUES * 2 + 1 });
  let errors: ReturnType<Validator['Errors']>;
  try {
    errors = validator.Errors(value);
  } finally {
    Settings.Set({ maxErrors: previous });
  }
  const schema = validator.Type();
  const issues: EventIssue[] = [];
  for (const error of errors) {
    if (error.keyword === 'required') {
      for (const name of error.params.requiredProperties) {
        issues.push({
          path: `${error.instancePath}/${escapePointer(name)}`,
          message: 'required field is missing',
        });
      }
    } else if (error.keyword === 'additionalProperties') {
      for (const name of error.params.additionalProperties) {
        issues.push({ path: `${error.instancePath}/${escapePointer(name)}`, message: 'unknown field' });
      }
    } else if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) {
      issues.push({ path: error.instancePath, message: 'unknown field' });
    } else {
      const expected = describeSchema(resolvePointer(schema, error.schemaPath) as TSchema);
      const got = describeValue(resolvePointer(value, error.instancePath));
      issues.push({ path: error.instancePath, message: `expected ${expected}, got ${got}` });
    }
  }
  return issues;
}

/**
 * Keeps the first issue for each path and at most {@link MAX_ISSUES} of them, adding a last issue that says
 * more were left out.
 */
export function capIssues(issues: readonly EventIssue[]): EventIssue[] {
  const seen = new Set<string>();
  const kept: EventIssue[] = [];
  for (const issue of issues) {
    if (seen.has(issue.path)) continue;
    seen.add(issue.path);
    kept.push(issue);
  }
  if (kept.length <= MAX_ISSUES) return kept;
  const shown = kept.slice(0, MAX_ISSUES);
  shown.push({ path: '', message: 'further issues not shown; fix these first' });
  return shown;
}

/**
 * One line a person can act on, for logs, dead-letter records and HTTP error bodies.
 *
 * @example
 * formatIssues([{ path: '/attrs/attendees', message: 'expected an integer ≥ 0, got "12"' }]);
 * // 'invalid event: /attrs/attendees: expected an integer ≥ 0, got "12"'
 */
export function formatIssues(issues: readonly EventIssue[]): string {
  if (issues.length === 0) return 'no issues';
  const parts = issues.map((issue) => `${issue.path === '' ? '(event)' : issue.path}: ${issue.message}`);
  const head = issues.length === 1 ? 'invalid event' : `invalid event, ${issues.length} issues`;
  return `${head}: ${parts.join('; ')}`;
}
