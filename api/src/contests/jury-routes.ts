// Juries: seats per stage and unit, a judge's sheets with progress, scoring, organisers' corrections.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { parseUnitKey } from '@vwu/contracts';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { findUserByUsername } from '../auth/users.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { audit, contestFor, requireManage } from './contest-access.js';
import { juryUnitOf, refuse, statuses, unitName, within } from './contest-model.js';
import { correctionRefusal, hasConflict, scoringRefusal, type ContestDefinition } from './domain/index.js';
import { juryKey, listJuryCloses } from './contest-store.js';
import { loadEntry } from './entry-store.js';
import { listJudges, upsertJudge, upsertScore, type JudgeRecord } from './jury-store.js';
import { judgingOf } from './judging.js';
import {
  ContestParams,
  Correction,
  EntryParams,
  JudgeAssign,
  JudgeList,
  JudgingOut,
  ScoresPut,
} from './schemas.js';

const ANY: AccessRule = { roles: ALL_ROLES, unit: 'none' };
const ORGANISER: AccessRule = { roles: ['contest_organiser'], unit: 'none' };
const JUDGE: AccessRule = { roles: ['judge'], unit: 'none' };

function checkScore(definition: ContestDefinition, criterion: string, value: number): void {
  const c = definition.criteria.find((x) => x.key === criterion);
  if (c === undefined || value > c.maxScore)
    throw apiError('SCORE_INVALID', { criterion, max: String(c?.maxScore ?? 0) });
}

/** Registers the jury routes. */
export function juryRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['contests'];
  const unit = (key: string) => unitName(app.hierarchy, key);
  /** The juries as the API shows them, with the groups closed on their own marked. */
  const judgeList = async (contestId: number, judges: readonly JudgeRecord[]) => {
    const closed = await listJuryCloses(app.store, contestId);
    return {
      judges: judges.map((j) => ({
        stageIndex: j.stageIndex,
        juryUnit: unit(j.juryUnit),
        juryClosed: closed.has(juryKey(j.stageIndex, j.juryUnit)),
        userId: j.userId,
        displayName: j.displayName,
        homeUnit: unit(j.homeUnit),
      })),
    };
  };

  app.get(
    '/contests/:contestId/judges',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Juries of a contest',
        params: ContestParams,
        response: withErrors({ 200: JudgeList }),
      },
    },
    async (request) => {
      const { contest, judges } = await contestFor(app, request, request.params.contestId);
      return judgeList(contest.id, judges);
    },
  );

  app.post(
    '/contests/:contestId/judges',
    {
      config: { access: ORGANISER },
      schema: {
        tags,
        summary: 'Seat a judge on the jury of a unit in your scope, at one stage',
        params: ContestParams,
        body: JudgeAssign,
        response: withErrors({ 200: JudgeList }),
      },
    },
    async (request) => {
      const found = await contestFor(app, request, request.params.contestId);
      const { stageIndex, username } = request.body;
      const stage = found.contest.definition.stages[stageIndex];
      const juryUnit = String(parseUnitKey(request.body.juryUnit));
      if (!within(app.hierarchy, juryUnit, String(found.principal.scope)))
        throw apiError('CONTEST_NOT_ORGANISER', { unit: unit(juryUnit).name });
      const owner = found.contest.ownerUnit;
      const level = app.hierarchy.get(parseUnitKey(juryUnit)).level;
      const inArea = within(app.hierarchy, juryUnit, owner) || within(app.hierarchy, owner, juryUnit);
      if (stage === undefined || level !== stage.level || !inArea)
        throw apiError('JURY_UNIT_INVALID', { stage: String(stageIndex + 1), level: stage?.level ?? '—' });
      if (statuses(found.contest, app.clock())[stageIndex] === 'closed')
        refuse(found.contest, stageIndex, 'stage_closed');
      const user = await findUserByUsername(app.store, username);
      if (user === undefined || user.role !== 'judge') throw apiError('JUDGE_NOT_FOUND', { username });
      const homeUnit = String(parseUnitKey(request.body.homeUnit ?? user.scope_unit_key));
      await app.store.transaction(async (tx) => {
        await upsertJudge(
          tx,
          found.contest.id,
          { stageIndex, juryUnit, userId: user.id, homeUnit },
          new Date(app.clock()),
        );
        await audit(tx, request, {
          action: 'contest.judge_assign',
          entity: 'contest_judge',
          entityId: `${found.contest.id}/${stageIndex}/${user.id}`,
          after: { stageIndex, juryUnit, userId: user.id, homeUnit },
        });
      });
      return judgeList(found.contest.id, await listJudges(app.store, found.contest.id));
    },
  );

  app.get(
    '/contests/:contestId/judging',
    {
      config: { access: JUDGE },
      schema: {
        tags,
        summary: 'Your sheets as a judge, with progress (scored / remaining)',
        params: ContestParams,
        response: withErrors({ 200: JudgingOut }),
      },
    },
    async (request) => judgingOf(app, await contestFor(app, request, request.params.contestId)),
  );

  app.put(
    '/contests/:contestId/entries/:entryId/scores',
    {
      config: { access: JUDGE },
      schema: {
        tags,
        summary: 'Score an entry, criterion by criterion, with comments (while the stage is open)',
        params: EntryParams,
        body: ScoresPut,
        response: withErrors({ 200: JudgingOut }),
      },
    },
    async (request) => {
      const found = await contestFor(app, request, request.params.contestId);
      const { stageIndex, scores } = request.body;
      const { contest, principal } = found;
      const seat = found.judges.find((j) => j.userId === principal.userId && j.stageIndex === stageIndex);
      if (seat === undefined) throw apiError('NOT_ON_JURY', { stage: String(stageIndex + 1) });
      const entry = await loadEntry(app.store, contest.id, request.params.entryId);
      if (entry === undefined) throw apiError('ENTRY_NOT_FOUND');
      if (entry.withdrawn || entry.stageReached < stageIndex)
        throw apiError('ENTRY_NOT_AT_STAGE', { stage: String(stageIndex + 1) });
      if (
        juryUnitOf(app.hierarchy, entry.unitKey, contest.definition.stages[stageIndex]!.level) !==
        seat.juryUnit
      )
        throw apiError('NOT_ON_JURY', { stage: String(stageIndex + 1) });
      const conflict = hasConflict(
        { juryUnit: seat.juryUnit, judgeHome: seat.homeUnit, entryUnit: entry.unitKey },
        (u, root) => within(app.hierarchy, u, root),
      );
      if (conflict) throw apiError('CONFLICT_OF_INTEREST', { unit: unit(seat.homeUnit).name });
      refuse(contest, stageIndex, scoringRefusal(statuses(contest, app.clock())[stageIndex]!));
      for (const s of scores) checkScore(contest.definition, s.criterion, s.value);
      await app.store.transaction(async (tx) => {
        const before: Record<string, unknown> = {};
        for (const s of scores) {
          const previous = await upsertScore(
            tx,
            {
              entryId: entry.id,
              stageIndex,
              judgeId: principal.userId,
              criterion: s.criterion,
              value: s.value,
              comment: s.comment ?? '',
            },
            new Date(app.clock()),
          );
          if (previous !== undefined) before[s.criterion] = previous;
        }
        await audit(tx, request, {
          action: 'contest.score',
          entity: 'contest_entry',
          entityId: entry.id,
          before: Object.keys(before).length === 0 ? null : { stageIndex, scores: before },
          after: { stageIndex, scores },
        });
      });
      return judgingOf(app, found);
    },
  );

  app.post(
    '/contests/:contestId/entries/:entryId/corrections',
    {
      config: { access: ORGANISER },
      schema: {
        tags,
        summary: "Correct a judge's score, with a reason (audited), before the stage is closed",
        params: EntryParams,
        body: Correction,
        response: withErrors({ 200: Correction }),
      },
    },
    async (request) => {
      const found = await contestFor(app, request, request.params.contestId);
      requireManage(app, found);
      const { stageIndex, judgeId, criterion, value, reason } = request.body;
      const { contest } = found;
      const status = statuses(contest, app.clock())[stageIndex];
      if (status === undefined) throw apiError('ENTRY_NOT_AT_STAGE', { stage: String(stageIndex + 1) });
      refuse(contest, stageIndex, correctionRefusal(status, reason));
      const entry = await loadEntry(app.store, contest.id, request.params.entryId);
      if (entry === undefined) throw apiError('ENTRY_NOT_FOUND');
      if (entry.withdrawn || entry.stageReached < stageIndex)
        throw apiError('ENTRY_NOT_AT_STAGE', { stage: String(stageIndex + 1) });
      if (!found.judges.some((j) => j.userId === judgeId && j.stageIndex === stageIndex))
        throw apiError('NOT_ON_JURY', { stage: String(stageIndex + 1) });
      const jury = juryUnitOf(app.hierarchy, entry.unitKey, contest.definition.stages[stageIndex]!.level);
      if ((await listJuryCloses(app.store, contest.id)).has(juryKey(stageIndex, jury)))
        throw apiError('CONTEST_JURY_CLOSED', { unit: unitName(app.hierarchy, jury).name });
      checkScore(contest.definition, criterion, value);
      await app.store.transaction(async (tx) => {
        const previous = await upsertScore(
          tx,
          { entryId: entry.id, stageIndex, judgeId, criterion, value, comment: '' },
          new Date(app.clock()),
        );
        await audit(tx, request, {
          action: 'contest.score_correct',
          entity: 'contest_entry',
          entityId: entry.id,
          before: { stageIndex, judgeId, criterion, value: previous?.value ?? null },
          after: { stageIndex, judgeId, criterion, value, reason: reason.trim() },
        });
      });
      return { stageIndex, judgeId, criterion, value, reason: reason.trim() };
    },
  );
}
