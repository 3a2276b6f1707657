// Closing a stage (after its deadline): scores freeze, each jury group forwards its best to the next stage;
// the last stage marks what it sends on and gives the awards. Results and participation by unit.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { withErrors } from '../http/schemas.js';
import { audit, contestFor, requireManage } from './contest-access.js';
import { rankAll, refuse, standings, statuses, unitName, within } from './contest-model.js';
import {
  insertAwards,
  insertClose,
  juryKey,
  listAwards,
  listJuryCloses,
  loadContest,
  markForwarded,
  promoteEntries,
} from './contest-store.js';
import { contestOut } from './definition-routes.js';
import { awards, closeRefusal, promoteGroups } from './domain/index.js';
import { listEntries } from './entry-store.js';
import { listScores } from './jury-store.js';
import { ContestOut, ContestParams, ParticipationOut, ResultsOut, StageParams } from './schemas.js';

const ANY: AccessRule = { roles: ALL_ROLES, unit: 'none' };
const ORGANISER: AccessRule = { roles: ['contest_organiser'], unit: 'none' };

/** The tie-break rule as results state it. */
export const TIE_BREAK =
  'Điểm tổng hợp cao hơn; nếu bằng: tỷ lệ điểm cao hơn ở tiêu chí có trọng số lớn nhất, rồi lần lượt các tiêu chí tiếp theo; nếu vẫn bằng: nộp bài sớm hơn; cuối cùng: số bài nhỏ hơn. ' +
  '(Higher aggregated score; then the higher share on the heaviest criterion, then the next; then earlier submission; then the lower entry number.)';

/** Registers stage closing, results and participation. */
export function stageRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['contests'];

  app.post(
    '/contests/:contestId/stages/:stageIndex/close',
    {
      config: { access: ORGANISER },
      schema: {
        tags,
        summary: 'Close a stage after its deadline: freeze scores, promote, and award after the last stage',
        params: StageParams,
        response: withErrors({ 200: ContestOut }),
      },
    },
    async (request) => {
      const { contestId, stageIndex } = request.params;
      await app.store.transaction(async (tx) => {
        const found = await contestFor(app, request, contestId, tx, true);
        requireManage(app, found);
        const { contest } = found;
        const status = statuses(contest, app.clock());
        const current = status[stageIndex];
        if (current === undefined) return refuse(contest, 0, 'stage_closed');
        const earlierOpen = status.slice(0, stageIndex).findIndex((s) => s !== 'closed');
        if (earlierOpen >= 0) return refuse(contest, earlierOpen, 'previous_stage_open');
        refuse(contest, stageIndex, closeRefusal(current, true));
        const stage = contest.definition.stages[stageIndex]!;
        const entries = await listEntries(tx, contest.id);
        const groups = standings(
          app.hierarchy,
          contest,
          entries,
          await listScores(tx, contest.id),
          stageIndex,
        );
        const moving = promoteGroups(groups, stage.forward);
        const last = stageIndex === contest.definition.stages.length - 1;
        const given = last
          ? awards(
              rankAll(contest, entries, await listScores(tx, contest.id), stageIndex),
              contest.definition.awards,
            )
          : [];
        if (last) {
          await markForwarded(tx, moving);
          await insertAwards(tx, contest.id, given);
        } else {
          await promoteEntries(tx, moving, stageIndex + 1);
        }
        await insertClose(tx, contest.id, stageIndex, found.principal.userId, new Date(app.clock()));
        await audit(tx, request, {
          action: 'contest.stage_close',
          entity: 'contest',
          entityId: contest.id,
          before: { stageIndex, status: current },
          after: { stageIndex, status: 'closed', [last ? 'forwarded' : 'promoted']: moving, awards: given },
        });
      });
      const found = await contestFor(app, request, contestId);
      return contestOut(app, found);
    },
  );

  app.get(
    '/contests/:contestId/results',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Rankings per stage and jury (open stages: organisers only), awards',
        params: ContestParams,
        response: withErrors({ 200: ResultsOut }),
      },
    },
    async (request) => {
      const found = await contestFor(app, request, request.params.contestId);
      const { contest } = found;
      const entries = await listEntries(app.store, contest.id);
      const scores = await listScores(app.store, contest.id);
      const status = statuses(contest, app.clock());
      const byId = new Map(entries.map((e) => [e.id, e]));
      const unit = (key: string) => unitName(app.hierarchy, key);
      const closes = await listJuryCloses(app.store, contest.id);
      const juryClosed = (index: number) => [...closes].some((k) => k.startsWith(`${index}|`));
      const stages = contest.definition.stages
        .map((_, index) => ({ index, status: status[index]! }))
        .filter((s) => s.status === 'closed' || found.can.manage || juryClosed(s.index))
        .map(({ index, status: st }) => ({
          index,
          status: st,
          groups: [...standings(app.hierarchy, contest, entries, scores, index).entries()]
            // Before the stage closes, others see the groups whose jury has closed (announced).
            .filter(([jury]) => st === 'closed' || found.can.manage || closes.has(juryKey(index, jury)))
            .map(([jury, list]) => ({
              jury: unit(jury),
              standings: list.map((s) => {
                const e = byId.get(s.id)!;
                const promoted =
                  index === contest.definition.stages.length - 1 ? e.forwarded : e.stageReached > index;
                return {
                  entryId: s.id,
                  title: e.title,
                  unit: unit(e.unitKey),
                  score: s.score,
                  judges: s.judges,
                  rank: s.rank,
                  promoted,
                };
              }),
            })),
        }));
      const tiers = new Map(contest.definition.awards.map((t) => [t.key, t.label]));
      const given = (await listAwards(app.store, contest.id)).map((a) => {
        const e = byId.get(a.entryId)!;
        return {
          entryId: a.entryId,
          title: e.title,
          unit: unit(e.unitKey),
          tier: a.tier,
          label: tiers.get(a.tier) ?? a.tier,
          position: a.position,
        };
      });
      return { tieBreak: TIE_BREAK, stages, awards: given };
    },
  );

  app.get(
    '/contests/:contestId/participation',
    {
      config: { access: ANY },
      schema: {
        tags,
        summary: 'Entries submitted, forwarded and awarded per unit (units in your scope)',
        params: ContestParams,
        response: withErrors({ 200: ParticipationOut }),
      },
    },
    async (request) => {
      const found = await contestFor(app, request, request.params.contestId);
      const contest = (await loadContest(app.store, found.contest.id))!;
      const awarded = new Set((await listAwards(app.store, contest.id)).map((a) => a.entryId));
      const scope = String(found.principal.scope);
      const rows = new Map<string, { submitted: number; forwarded: number; awarded: number }>();
      for (const e of await listEntries(app.store, contest.id)) {
        if (e.withdrawn || !(found.can.manage || within(app.hierarchy, e.unitKey, scope))) continue;
        const row = rows.get(e.unitKey) ?? { submitted: 0, forwarded: 0, awarded: 0 };
        row.submitted += 1;
        if (e.stageReached > 0 || e.forwarded) row.forwarded += 1;
        if (awarded.has(e.id)) row.awarded += 1;
        rows.set(e.unitKey, row);
      }
      const units = [...rows.entries()]
        .map(([key, counts]) => ({ unit: unitName(app.hierarchy, key), ...counts }))
        .sort(
          (a, b) =>
            b.awarded - a.awarded ||
            b.forwarded - a.forwarded ||
            b.submitted - a.submitted ||
            a.unit.name.localeCompare(b.unit.name, 'vi'),
        );
      return { units };
    },
  );
}
