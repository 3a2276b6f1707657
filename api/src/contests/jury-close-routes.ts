// Closing one jury group of a stage (after the stage's deadline): the organisers of the jury's unit announce its
// ranking and forward its best to the next stage without waiting for the other groups; its scores are final.
// Closing the whole stage later recomputes the same promotions from the same frozen scores.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requireUnit } from '../access/plugin.js';
import type { AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { UnitKeyParam, withErrors } from '../http/schemas.js';
import { audit, contestFor } from './contest-access.js';
import { refuse, standings, statuses, unitName } from './contest-model.js';
import { insertJuryClose, juryKey, listJuryCloses, promoteEntries } from './contest-store.js';
import { closeRefusal, promote } from './domain/index.js';
import { listEntries } from './entry-store.js';
import { listScores } from './jury-store.js';
import { StageParams } from './schemas.js';

/** Organisers whose scope holds the jury's unit (e.g. the province's own organisers). */
const JURY_ORGANISER: AccessRule = {
  roles: ['contest_organiser'],
  unit: { from: 'params', field: 'juryUnit' },
};

const JuryParams = Type.Object({
  contestId: StageParams.properties.contestId,
  stageIndex: Type.Integer({ minimum: 0, maximum: 4, examples: [0] }),
  juryUnit: UnitKeyParam,
});
const JuryClosed = Type.Object({
  stageIndex: Type.Integer(),
  jury: Type.Object({ key: Type.String(), name: Type.String() }),
  promoted: Type.Array(Type.Integer()),
});

/** Registers the jury-group close route. */
export function juryCloseRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/contests/:contestId/stages/:stageIndex/juries/:juryUnit/close',
    {
      config: { access: JURY_ORGANISER },
      schema: {
        tags: ['contests'],
        summary: "Close one jury group after the stage's deadline: its ranking is final and its best move on",
        params: JuryParams,
        response: withErrors({ 200: JuryClosed }),
      },
    },
    async (request) => {
      const { contestId, stageIndex } = request.params;
      const jury = requireUnit(request).unit.key;
      const promoted = await app.store.transaction(async (tx) => {
        const { contest, principal } = await contestFor(app, request, contestId, tx, true);
        const status = statuses(contest, app.clock());
        const current = status[stageIndex];
        if (current === undefined) throw apiError('CONTEST_JURY_EMPTY', { stage: String(stageIndex + 1) });
        const earlierOpen = status.slice(0, stageIndex).findIndex((s) => s !== 'closed');
        refuse(contest, Math.max(earlierOpen, 0), earlierOpen >= 0 ? 'previous_stage_open' : null);
        refuse(contest, stageIndex, closeRefusal(current, true));
        if ((await listJuryCloses(tx, contest.id)).has(juryKey(stageIndex, jury)))
          throw apiError('CONTEST_JURY_CLOSED', { unit: unitName(app.hierarchy, jury).name });
        const group = standings(
          app.hierarchy,
          contest,
          await listEntries(tx, contest.id),
          await listScores(tx, contest.id),
          stageIndex,
        ).get(jury);
        if (group === undefined) throw apiError('CONTEST_JURY_EMPTY', { stage: String(stageIndex + 1) });
        const last = stageIndex === contest.definition.stages.length - 1;
        // The last stage forwards and awards across all groups when it closes as a whole.
        const moving = last ? [] : promote(group, contest.definition.stages[stageIndex]!.forward);
        await promoteEntries(tx, moving, stageIndex + 1);
        await insertJuryClose(tx, {
          contestId: contest.id,
          stageIndex,
          juryUnit: jury,
          userId: principal.userId,
          now: new Date(app.clock()),
        });
        await audit(tx, request, {
          action: 'contest.jury_close',
          entity: 'contest',
          entityId: contest.id,
          after: { stageIndex, jury, promoted: moving },
        });
        return moving;
      });
      return { stageIndex, jury: unitName(app.hierarchy, jury), promoted };
    },
  );
}
