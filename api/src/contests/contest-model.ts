// What the routes compute from stored rows: stage statuses, jury groups, standings, visibility.
import { parseUnitKey, type Hierarchy } from '@vwu/contracts';
import type { Principal } from '../access/rules.js';
import { isInScope } from '../access/scope.js';
import { apiError } from '../errors.js';
import type { ContestRecord } from './contest-store.js';
import {
  rank,
  stageStatus,
  type DeadlineRefusal,
  type JuryLevel,
  type ScoreSheet,
  type Standing,
  type StageStatus,
} from './domain/index.js';
import type { EntryRecord } from './entry-store.js';
import type { JudgeRecord, ScoreRecord } from './jury-store.js';

/** A unit named in passing. */
export interface UnitName {
  key: string;
  name: string;
}

/** The key and name of a unit. */
export function unitName(hierarchy: Hierarchy, key: string): UnitName {
  return { key, name: hierarchy.get(parseUnitKey(key)).name };
}

/** Whether `unit` lies in the subtree of `root` (both keys as text). */
export function within(hierarchy: Hierarchy, unit: string, root: string): boolean {
  return isInScope(hierarchy, parseUnitKey(unit), parseUnitKey(root));
}

/** The status of each stage of a contest at `now`. */
export function statuses(contest: ContestRecord, now: number): StageStatus[] {
  return contest.definition.stages.map((stage, i) =>
    stageStatus(stage, contest.closes.get(i)?.getTime() ?? null, now),
  );
}

/** `YYYY-MM-DD` as dd/MM/yyyy, as messages show it. */
export function dmy(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

const REFUSAL_CODES = {
  not_open_yet: 'CONTEST_STAGE_NOT_OPEN',
  deadline_passed: 'CONTEST_DEADLINE_PASSED',
  stage_closed: 'CONTEST_STAGE_CLOSED',
  stage_still_open: 'CONTEST_STAGE_STILL_OPEN',
  previous_stage_open: 'CONTEST_PREVIOUS_STAGE_OPEN',
  reason_required: 'CONTEST_REASON_REQUIRED',
} as const satisfies Record<DeadlineRefusal, string>;

/** Throws the API error of a calendar refusal at a stage (no-op for `null`). */
export function refuse(contest: ContestRecord, stageIndex: number, refusal: DeadlineRefusal | null): void {
  if (refusal === null) return;
  const stage = contest.definition.stages[stageIndex]!;
  const date = dmy(refusal === 'not_open_yet' ? stage.opensOn : stage.closesOn);
  const shown = refusal === 'previous_stage_open' ? stageIndex : stageIndex + 1;
  throw apiError(REFUSAL_CODES[refusal], { stage: String(shown), date }, { stage: stageIndex, refusal });
}

/** The unit whose jury scores an entry of `unitKey` at a stage of `level`: its ancestor (or itself) there. */
export function juryUnitOf(hierarchy: Hierarchy, unitKey: string, level: JuryLevel): string {
  const key = parseUnitKey(unitKey);
  const unit = hierarchy.get(key);
  if (unit.level === level) return unit.key;
  const found = hierarchy.ancestors(key).find((a) => a.level === level);
  if (found === undefined) throw new Error(`${unitKey} has no ${level} above it`);
  return found.key;
}

/** Per-judge sheets of an entry at a stage. */
function sheetsOf(scores: readonly ScoreRecord[], entryId: number, stageIndex: number): ScoreSheet[] {
  const byJudge = new Map<number, Record<string, number>>();
  for (const s of scores) {
    if (s.entryId !== entryId || s.stageIndex !== stageIndex) continue;
    const sheet = byJudge.get(s.judgeId) ?? {};
    sheet[s.criterion] = s.value;
    byJudge.set(s.judgeId, sheet);
  }
  return [...byJudge.values()];
}

/** Entries taking part in a stage (not withdrawn, promoted at least that far). */
export function entriesAt(entries: readonly EntryRecord[], stageIndex: number): EntryRecord[] {
  return entries.filter((e) => !e.withdrawn && e.stageReached >= stageIndex);
}

/**
 * The standings of a stage, one ranking per jury group (jury unit key → standings in rank order).
 *
 * @example standings(h, contest, entries, scores, 0).get('2025:80')?.[0]?.id
 */
export function standings(
  hierarchy: Hierarchy,
  contest: ContestRecord,
  entries: readonly EntryRecord[],
  scores: readonly ScoreRecord[],
  stageIndex: number,
): Map<string, Standing[]> {
  const level = contest.definition.stages[stageIndex]!.level;
  const groups = new Map<string, EntryRecord[]>();
  for (const entry of entriesAt(entries, stageIndex)) {
    const jury = juryUnitOf(hierarchy, entry.unitKey, level);
    groups.set(jury, [...(groups.get(jury) ?? []), entry]);
  }
  const out = new Map<string, Standing[]>();
  for (const [jury, members] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const scored = members.map((e) => ({
      id: e.id,
      submittedAt: e.submittedAt.getTime(),
      sheets: sheetsOf(scores, e.id, stageIndex),
    }));
    out.set(jury, rank(scored, contest.definition.criteria));
  }
  return out;
}

/** One ranking of every entry of a stage, whatever its jury group (the awards of the last stage). */
export function rankAll(
  contest: ContestRecord,
  entries: readonly EntryRecord[],
  scores: readonly ScoreRecord[],
  stageIndex: number,
): Standing[] {
  const scored = entriesAt(entries, stageIndex).map((e) => ({
    id: e.id,
    submittedAt: e.submittedAt.getTime(),
    sheets: sheetsOf(scores, e.id, stageIndex),
  }));
  return rank(scored, contest.definition.criteria);
}

/** What a caller may do in a contest. */
export interface Abilities {
  see: boolean;
  manage: boolean;
  submit: boolean;
  judge: boolean;
}

/**
 * A caller's abilities: organisers whose scope holds the owner unit manage; anyone whose scope is inside the
 * contest area, or holds it, sees it; commune officers and organisers inside the area submit; seated judges
 * judge (and see).
 */
export function abilities(
  hierarchy: Hierarchy,
  contest: ContestRecord,
  principal: Principal,
  judges: readonly JudgeRecord[],
): Abilities {
  const scope = String(principal.scope);
  const holdsOwner = within(hierarchy, contest.ownerUnit, scope);
  const inside = within(hierarchy, scope, contest.ownerUnit);
  const judge = principal.role === 'judge' && judges.some((j) => j.userId === principal.userId);
  const manage = principal.role === 'contest_organiser' && holdsOwner;
  const submit =
    (principal.role === 'commune_officer' || principal.role === 'contest_organiser') &&
    (inside || holdsOwner);
  return { see: holdsOwner || inside || judge, manage, submit, judge };
}
