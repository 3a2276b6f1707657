// A judge's view of a contest: her seats, the entries of her jury with her sheets, and her progress.
import type { FastifyInstance } from 'fastify';
import type { ContestInRequest } from './contest-access.js';
import { entriesAt, juryUnitOf, statuses, unitName, within } from './contest-model.js';
import { hasConflict, isComplete } from './domain/index.js';
import { listAttachments, listEntries } from './entry-store.js';
import { listScores } from './jury-store.js';

/**
 * The caller's seats in the contest, each with the entries her jury scores: conflicts flagged (she cannot
 * score those), her scores and comments, and progress (complete sheets / remaining, conflicts apart).
 */
export async function judgingOf(app: FastifyInstance, found: ContestInRequest) {
  const { contest, principal } = found;
  const seats = found.judges.filter((j) => j.userId === principal.userId);
  const entries = await listEntries(app.store, contest.id);
  const scores = (await listScores(app.store, contest.id)).filter((s) => s.judgeId === principal.userId);
  const attachments = await listAttachments(
    app.store,
    entries.map((e) => e.id),
  );
  const status = statuses(contest, app.clock());
  const inside = (u: string, root: string) => within(app.hierarchy, u, root);
  return {
    assignments: seats.map((seat) => {
      const level = contest.definition.stages[seat.stageIndex]!.level;
      const mine = entriesAt(entries, seat.stageIndex).filter(
        (e) => juryUnitOf(app.hierarchy, e.unitKey, level) === seat.juryUnit,
      );
      const sheets = mine.map((e) => {
        const own = scores.filter((s) => s.entryId === e.id && s.stageIndex === seat.stageIndex);
        const sheet = Object.fromEntries(own.map((s) => [s.criterion, s.value]));
        return {
          entryId: e.id,
          title: e.title,
          description: e.description,
          links: e.links,
          unit: unitName(app.hierarchy, e.unitKey),
          conflict: hasConflict(
            { juryUnit: seat.juryUnit, judgeHome: seat.homeUnit, entryUnit: e.unitKey },
            inside,
          ),
          complete: isComplete(sheet, contest.definition.criteria),
          scores: own.map((s) => ({ criterion: s.criterion, value: s.value, comment: s.comment })),
          attachments: attachments
            .filter((a) => a.entryId === e.id)
            .map(({ id, fileName, contentType, sizeBytes }) => ({ id, fileName, contentType, sizeBytes })),
        };
      });
      const open = sheets.filter((s) => !s.conflict);
      const scored = open.filter((s) => s.complete).length;
      return {
        stageIndex: seat.stageIndex,
        status: status[seat.stageIndex]!,
        juryUnit: unitName(app.hierarchy, seat.juryUnit),
        progress: { scored, remaining: open.length - scored, conflicts: sheets.length - open.length },
        sheets,
      };
    }),
  };
}
