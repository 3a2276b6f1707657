// Contest definitions: list, read, create, change before the contest starts.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { audit, contestFor, requireManage, type ContestInRequest } from './contest-access.js';
import { abilities, dmy, statuses, unitName, within } from './contest-model.js';
import { insertContest, listContests, loadContest, updateContest } from './contest-store.js';
import { definitionProblems, type ContestDefinition } from './domain/index.js';
import { listJudges } from './jury-store.js';
import {
  ContestCreate,
  ContestList,
  ContestListQuery,
  ContestOut,
  ContestParams,
  ContestUpdate,
} from './schemas.js';

const ANY: AccessRule = { roles: ALL_ROLES, unit: 'none' };
const ORGANISER_OF_BODY_UNIT: AccessRule = {
  roles: ['contest_organiser'],
  unit: { from: 'body', field: 'ownerUnit' },
};
const ORGANISER: AccessRule = { roles: ['contest_organiser'], unit: 'none' };
const ANY_IN_UNIT: AccessRule = {
  roles: ALL_ROLES,
  unit: { from: 'query', field: 'unit', whenAbsent: 'scope' },
};

function checkDefinition(definition: ContestDefinition): void {
  const problems = definitionProblems(definition);
  const first = problems[0];
  if (first !== undefined)
    throw apiError(
      'CONTEST_DEFINITION_INVALID',
      { problem: `${first.field}: ${first.problem}` },
      { problems },
    );
}

/** The contest as the API shows it. */
export function contestOut(app: FastifyInstance, found: Omit<ContestInRequest, 'principal' | 'judges'>) {
  const now = app.clock();
  const status = statuses(found.contest, now);
  return {
    id: found.contest.id,
    ownerUnit: unitName(app.hierarchy, found.contest.ownerUnit),
    definition: found.contest.definition,
    stages: found.contest.definition.stages.map((s, index) => ({
      index,
      ...s,
      status: status[index]!,
      closedAt: found.contest.closes.get(index)?.toISOString() ?? null,
    })),
    version: found.contest.version,
    can: { manage: found.can.manage, submit: found.can.submit, judge: found.can.judge },
  };
}

/** Registers the definition routes. */
export function definitionRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['contests'];

  app.get(
    '/contests',
    {
      config: { access: ANY_IN_UNIT },
      schema: {
        tags,
        summary: 'Contests you can see that involve a unit (owned above it, at it or below it)',
        querystring: ContestListQuery,
        response: withErrors({ 200: ContestList }),
      },
    },
    async (request) => {
      const { principal, unit } = requireUnit(request);
      const involves = (owner: string): boolean =>
        within(app.hierarchy, owner, unit.key) || within(app.hierarchy, unit.key, owner);
      const contests = [];
      for (const contest of await listContests(app.store)) {
        if (!involves(contest.ownerUnit)) continue;
        const can = abilities(app.hierarchy, contest, principal, await listJudges(app.store, contest.id));
        if (can.see) contests.push(contestOut(app, { contest, can }));
      }
      return { contests };
    },
  );

  app.get(
    '/contests/:contestId',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'One contest',
        params: ContestParams,
        response: withErrors({ 200: ContestOut }),
      },
    },
    async (request) => contestOut(app, await contestFor(app, request, request.params.contestId)),
  );

  app.post(
    '/contests',
    {
      config: { access: ORGANISER_OF_BODY_UNIT },
      schema: {
        tags,
        summary: 'Define a contest owned by a unit in your scope',
        body: ContestCreate,
        response: withErrors({ 201: ContestOut }),
      },
    },
    async (request, reply) => {
      const { principal, unit } = requireUnit(request);
      const definition = request.body.definition as ContestDefinition;
      checkDefinition(definition);
      const id = await app.store.transaction(async (tx) => {
        const created = await insertContest(tx, {
          ownerUnit: unit.key,
          definition,
          userId: principal.userId,
          now: new Date(app.clock()),
        });
        await audit(tx, request, {
          action: 'contest.create',
          entity: 'contest',
          entityId: created,
          after: { ownerUnit: unit.key, definition },
        });
        return created;
      });
      const contest = (await loadContest(app.store, id))!;
      reply.code(201);
      return contestOut(app, { contest, can: abilities(app.hierarchy, contest, principal, []) });
    },
  );

  app.put(
    '/contests/:contestId',
    {
      config: { access: ORGANISER },
      schema: {
        tags,
        summary: 'Change a contest before its first stage opens',
        params: ContestParams,
        body: ContestUpdate,
        response: withErrors({ 200: ContestOut }),
      },
    },
    async (request) => {
      const definition = request.body.definition as ContestDefinition;
      checkDefinition(definition);
      await app.store.transaction(async (tx) => {
        const found = await contestFor(app, request, request.params.contestId, tx, true);
        requireManage(app, found);
        if (statuses(found.contest, app.clock())[0] !== 'upcoming')
          throw apiError(
            'CONTEST_ALREADY_STARTED',
            {},
            { opensOn: dmy(found.contest.definition.stages[0]!.opensOn) },
          );
        if (
          !(await updateContest(
            tx,
            found.contest.id,
            request.body.version,
            definition,
            new Date(app.clock()),
          ))
        )
          throw apiError('CONTEST_VERSION_CONFLICT');
        await audit(tx, request, {
          action: 'contest.update',
          entity: 'contest',
          entityId: found.contest.id,
          before: { definition: found.contest.definition },
          after: { definition },
        });
      });
      return contestOut(app, await contestFor(app, request, request.params.contestId));
    },
  );
}
