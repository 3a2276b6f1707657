// Public vote mode (online-group contests): one vote per member, a cap per source, results after close.
import { createHmac } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import type { Queryable } from '../store/store.js';
import { audit, contestFor } from './contest-access.js';
import { statuses, unitName, within } from './contest-model.js';
import { loadContest, type ContestRecord } from './contest-store.js';
import { listEntries, loadEntry } from './entry-store.js';
import { ContestParams, VoteAck, VoteIn } from './schemas.js';
import { BallotOut, VoteResults } from './vote-schemas.js';

/** Most votes one source (a keyed hash of the client address) may cast in a contest per hour. */
export const VOTES_PER_SOURCE_PER_HOUR = 20;

const PUBLIC: AccessRule = { public: true };
const ANY: AccessRule = { roles: ALL_ROLES, unit: 'none' };

/** Vote counts of a contest's entries (withdrawn ones left out), most votes first, then entry number. */
async function voteCounts(q: Queryable, contestId: number) {
  const { rows } = await q.query<{ entry_id: string | number; n: number }>(
    'SELECT entry_id, count(*)::int AS n FROM contest_vote WHERE contest_id = $1 GROUP BY entry_id',
    [contestId],
  );
  const counts = new Map(rows.map((r) => [Number(r.entry_id), r.n]));
  return (await listEntries(q, contestId))
    .filter((e) => !e.withdrawn)
    .map((e) => ({ entryId: e.id, title: e.title, votes: counts.get(e.id) ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.entryId - b.entryId);
}

/** Whether the counts may be shown: once the vote's deadline has passed (or the organiser closed it). */
function countsShown(contest: ContestRecord, now: number): boolean {
  const status = statuses(contest, now)[0];
  return status === 'deadline_passed' || status === 'closed';
}

/** Registers the vote routes. */
export function voteRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['contests'];

  app.post(
    '/contests/:contestId/votes',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Vote for an entry as a member (member key and phone as on the member card)',
        params: ContestParams,
        body: VoteIn,
        response: withErrors({ 201: VoteAck }),
      },
    },
    async (request, reply) => {
      const contest = await loadContest(app.store, request.params.contestId);
      if (contest === undefined) throw apiError('CONTEST_NOT_FOUND');
      if (contest.definition.mode !== 'public_vote' || statuses(contest, app.clock())[0] !== 'open')
        throw apiError('VOTE_NOT_OPEN');
      const { entryId, memberKey, phone } = request.body;
      const entry = await loadEntry(app.store, contest.id, entryId);
      if (entry === undefined || entry.withdrawn) throw apiError('ENTRY_NOT_FOUND');
      const { rows } = await app.store.query<{ unit_key: string }>(
        "SELECT unit_key FROM member WHERE member_key = $1 AND phone = $2 AND status = 'active'",
        [memberKey, phone],
      );
      const member = rows[0];
      if (member === undefined || !within(app.hierarchy, member.unit_key, contest.ownerUnit))
        throw apiError('VOTER_UNKNOWN');
      const source = createHmac('sha256', app.config.jwtSecret).update(`vote:${request.ip}`).digest('hex');
      const now = new Date(app.clock());
      await app.store.transaction(async (tx) => {
        await tx.query('SELECT id FROM contest WHERE id = $1 FOR UPDATE', [contest.id]);
        const cast = await tx.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM contest_vote WHERE contest_id = $1 AND member_key = $2',
          [contest.id, memberKey],
        );
        if ((cast.rows[0]?.n ?? 0) > 0) throw apiError('VOTE_ALREADY_CAST');
        const recent = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM contest_vote WHERE contest_id = $1 AND source_hash = $2 AND cast_at > $3`,
          [contest.id, source, new Date(now.getTime() - 3_600_000)],
        );
        if ((recent.rows[0]?.n ?? 0) >= VOTES_PER_SOURCE_PER_HOUR) throw apiError('VOTE_LIMIT');
        await tx.query(
          'INSERT INTO contest_vote (contest_id, entry_id, member_key, source_hash, cast_at) VALUES ($1, $2, $3, $4, $5)',
          [contest.id, entry.id, memberKey, source, now],
        );
        await audit(tx, request, {
          action: 'contest.vote',
          entity: 'contest_entry',
          entityId: entry.id,
          after: { contestId: contest.id, memberKey },
        });
      });
      reply.code(201);
      return { entryId: entry.id };
    },
  );

  app.get(
    '/contests/:contestId/ballot',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'The ballot of a public vote (entries without authors), with the counts once it has closed',
        params: ContestParams,
        response: withErrors({ 200: BallotOut }),
      },
    },
    async (request) => {
      const contest = await loadContest(app.store, request.params.contestId);
      // A jury contest has no public page: it is not found here, whatever its number.
      if (contest === undefined || contest.definition.mode !== 'public_vote')
        throw apiError('CONTEST_NOT_FOUND');
      const now = app.clock();
      const stage = contest.definition.stages[0]!;
      const entries = (await listEntries(app.store, contest.id))
        .filter((e) => !e.withdrawn)
        .map((e) => ({
          entryId: e.id,
          title: e.title,
          description: e.description,
          unit: unitName(app.hierarchy, e.unitKey).name,
          links: e.links,
        }));
      return {
        contestId: contest.id,
        title: contest.definition.title,
        rules: contest.definition.rules,
        owner: unitName(app.hierarchy, contest.ownerUnit).name,
        opensOn: stage.opensOn,
        closesOn: stage.closesOn,
        status: statuses(contest, now)[0]!,
        votesPerSourcePerHour: VOTES_PER_SOURCE_PER_HOUR,
        entries,
        results: countsShown(contest, now) ? await voteCounts(app.store, contest.id) : null,
      };
    },
  );

  app.get(
    '/contests/:contestId/votes',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Vote counts, once the vote has closed',
        params: ContestParams,
        response: withErrors({ 200: VoteResults }),
      },
    },
    async (request) => {
      const { contest } = await contestFor(app, request, request.params.contestId);
      if (contest.definition.mode !== 'public_vote' || !countsShown(contest, app.clock()))
        throw apiError('VOTE_RESULTS_HIDDEN');
      return { votes: await voteCounts(app.store, contest.id) };
    },
  );
}
