// Entries: submitted by a commune (or branch) inside the contest area while the first stage is open.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseUnitKey } from '@vwu/contracts';
import { requireAccess, requireUnit } from '../access/plugin.js';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { audit, contestFor, type ContestInRequest } from './contest-access.js';
import { refuse, statuses, unitName, within } from './contest-model.js';
import { entryEditRefusal } from './domain/index.js';
import {
  insertEntry,
  listAttachments,
  listEntries,
  loadEntry,
  saveEntry,
  type EntryRecord,
} from './entry-store.js';
import { EntryCreate, EntryList, EntryOut, EntryParams, EntryUpdate, ContestParams } from './schemas.js';

const SUBMITTERS: AccessRule = {
  roles: ['commune_officer', 'contest_organiser'],
  unit: { from: 'body', field: 'unitKey' },
};
const ANY: AccessRule = { roles: ALL_ROLES, unit: 'none' };
const EDITORS: AccessRule = { roles: ['commune_officer', 'contest_organiser'], unit: 'none' };

/** Whether the caller may see an entry: organisers and judges of the contest, or its unit is in her scope. */
export function seesEntry(app: FastifyInstance, found: ContestInRequest, entry: EntryRecord): boolean {
  return (
    found.can.manage || found.can.judge || within(app.hierarchy, entry.unitKey, String(found.principal.scope))
  );
}

/** The entry as the API shows it. */
export async function entriesOut(app: FastifyInstance, entries: EntryRecord[]) {
  const attachments = await listAttachments(
    app.store,
    entries.map((e) => e.id),
  );
  return entries.map((e) => ({
    id: e.id,
    contestId: e.contestId,
    unit: unitName(app.hierarchy, e.unitKey),
    title: e.title,
    description: e.description,
    audience: e.audience,
    authorKind: e.authorKind,
    authors: e.authors,
    links: e.links,
    submittedAt: e.submittedAt.toISOString(),
    withdrawn: e.withdrawn,
    stageReached: e.stageReached,
    forwarded: e.forwarded,
    attachments: attachments
      .filter((a) => a.entryId === e.id)
      .map(({ id, fileName, contentType, sizeBytes }) => ({ id, fileName, contentType, sizeBytes })),
  }));
}

/**
 * The entry of the request that the caller may edit now (first stage open, unit in her scope).
 *
 * @throws ApiError ENTRY_NOT_FOUND, CONTEST_DEADLINE_PASSED…
 */
export async function editableEntry(
  app: FastifyInstance,
  request: FastifyRequest,
  contestId: number,
  entryId: number,
): Promise<{ found: ContestInRequest; entry: EntryRecord }> {
  const found = await contestFor(app, request, contestId);
  const entry = await loadEntry(app.store, contestId, entryId);
  const scope = String(requireAccess(request).principal.scope);
  if (entry === undefined || !within(app.hierarchy, entry.unitKey, scope) || !found.can.submit)
    throw apiError('ENTRY_NOT_FOUND');
  refuse(found.contest, 0, entryEditRefusal(statuses(found.contest, app.clock())[0]!));
  return { found, entry };
}

/** Registers the entry routes. */
export function entryRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['contests'];

  app.get(
    '/contests/:contestId/entries',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Entries of a contest you can see',
        params: ContestParams,
        response: withErrors({ 200: EntryList }),
      },
    },
    async (request) => {
      const found = await contestFor(app, request, request.params.contestId);
      const entries = (await listEntries(app.store, found.contest.id)).filter((e) =>
        seesEntry(app, found, e),
      );
      return { entries: await entriesOut(app, entries) };
    },
  );

  app.post(
    '/contests/:contestId/entries',
    {
      config: { access: SUBMITTERS },
      schema: {
        tags,
        summary: 'Submit an entry for a unit in your scope (first stage only)',
        params: ContestParams,
        body: EntryCreate,
        response: withErrors({ 201: EntryOut }),
      },
    },
    async (request, reply) => {
      const { unit, principal } = requireUnit(request);
      const found = await contestFor(app, request, request.params.contestId);
      const { contest } = found;
      const inArea = within(app.hierarchy, unit.key, contest.ownerUnit);
      if (!found.can.submit || !inArea || (unit.level !== 'commune' && unit.level !== 'branch'))
        throw apiError('ENTRY_UNIT_INVALID', { unit: unitName(app.hierarchy, contest.ownerUnit).name });
      const body = request.body;
      const { audiences, authorKinds } = contest.definition.eligibility;
      if (!audiences.includes(body.audience)) throw apiError('ENTRY_NOT_ELIGIBLE', { what: body.audience });
      if (!authorKinds.includes(body.authorKind))
        throw apiError('ENTRY_NOT_ELIGIBLE', { what: body.authorKind });
      refuse(contest, 0, entryEditRefusal(statuses(contest, app.clock())[0]!));
      const entry = await app.store.transaction(async (tx) => {
        const created = await insertEntry(tx, {
          contestId: contest.id,
          unitKey: String(parseUnitKey(body.unitKey)),
          title: body.title,
          description: body.description,
          audience: body.audience,
          authorKind: body.authorKind,
          authors: body.authors,
          links: body.links ?? [],
          submittedBy: principal.userId,
          submittedAt: new Date(app.clock()),
        });
        await audit(tx, request, {
          action: 'contest.entry_submit',
          entity: 'contest_entry',
          entityId: created.id,
          after: { contestId: contest.id, unitKey: created.unitKey, title: created.title },
        });
        return created;
      });
      reply.code(201);
      return (await entriesOut(app, [entry]))[0]!;
    },
  );

  app.patch(
    '/contests/:contestId/entries/:entryId',
    {
      config: { access: EDITORS },
      schema: {
        tags,
        summary: 'Edit or withdraw an entry while the first stage is open',
        params: EntryParams,
        body: EntryUpdate,
        response: withErrors({ 200: EntryOut }),
      },
    },
    async (request) => {
      const { contestId, entryId } = request.params;
      const { entry } = await editableEntry(app, request, contestId, entryId);
      const next: EntryRecord = { ...entry, ...request.body };
      await app.store.transaction(async (tx) => {
        await saveEntry(tx, next, new Date(app.clock()));
        await audit(tx, request, {
          action: 'contest.entry_edit',
          entity: 'contest_entry',
          entityId: entry.id,
          before: {
            title: entry.title,
            description: entry.description,
            authors: entry.authors,
            links: entry.links,
            withdrawn: entry.withdrawn,
          },
          after: { ...request.body },
        });
      });
      return (await entriesOut(app, [next]))[0]!;
    },
  );
}
