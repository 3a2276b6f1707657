// One jury group closed on its own through app.inject(): after the stage's deadline Tây Ninh's organiser
// announces her jury's ranking and forwards its best while Hà Nội's jury is still correcting; her jury's scores
// are final; others see the announced group only; closing the whole stage later keeps the same promotions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITION, contestClient, entryBody } from './contests-fixture.js';
import { startTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let client: ReturnType<typeof contestClient>;
let id = 0;
const entry: Record<'A' | 'B' | 'C', number> = { A: 0, B: 0, C: 0 };
const closeJury = (user: string, unit: string) =>
  client.call(user, 'POST', `/contests/${id}/stages/0/juries/${unit}/close`);

async function score(judge: string, entryId: number, idea: number, impact: number): Promise<void> {
  const answer = await client.call(judge, 'PUT', `/contests/${id}/entries/${entryId}/scores`, {
    stageIndex: 0,
    scores: [
      { criterion: 'idea', value: idea, comment: '' },
      { criterion: 'impact', value: impact, comment: '' },
    ],
  });
  expect(answer.status, answer.raw.toString()).toBe(200);
}

beforeAll(async () => {
  t = await startTestApp();
  client = contestClient(t);
  client.at('2025-09-02T08:00:00+07:00');
  const definition = {
    ...DEFINITION,
    stages: [{ ...DEFINITION.stages[0]!, forward: { mode: 'top', count: 1 } }, DEFINITION.stages[1]!],
  };
  id = (await client.call('organiser.central', 'POST', '/contests', { ownerUnit: '2025:TW', definition }))
    .body.id;
  for (const [key, user, unit] of [
    ['A', 'officer.tanninh', '2025:25459'],
    ['B', 'officer.binhminh', '2025:25480'],
    ['C', 'organiser.central', '2025:00004'],
  ] as const) {
    const made = await client.call(user, 'POST', `/contests/${id}/entries`, entryBody(unit, `Bài ${key}`));
    expect(made.status, made.raw.toString()).toBe(201);
    entry[key] = made.body.id;
  }
  for (const [organiser, juryUnit, username] of [
    ['organiser.tayninh', '2025:80', 'judge.tayninh.1'],
    ['organiser.central', '2025:01', 'judge.central'],
  ] as const) {
    const seated = await client.call(organiser, 'POST', `/contests/${id}/judges`, {
      stageIndex: 0,
      juryUnit,
      username,
    });
    expect(seated.status, seated.raw.toString()).toBeLessThan(300);
  }
  await score('judge.tayninh.1', entry.A, 9, 18);
  await score('judge.tayninh.1', entry.B, 6, 12);
  await score('judge.central', entry.C, 7, 15);
});

afterAll(async () => {
  await t?.close();
});

describe('closing one jury group', () => {
  it('is refused while the stage is open', async () => {
    const early = await closeJury('organiser.tayninh', '2025:80');
    expect([early.status, early.body.error.code]).toEqual([409, 'CONTEST_STAGE_STILL_OPEN']);
  });

  it('after the deadline: the province forwards its best, once, and only its own jury', async () => {
    client.at('2025-09-21T08:00:00+07:00');
    const closed = await closeJury('organiser.tayninh', '2025:80');
    expect(closed.status, closed.raw.toString()).toBe(200);
    expect(closed.body).toEqual({
      stageIndex: 0,
      jury: { key: '2025:80', name: expect.stringContaining('Tây Ninh') },
      promoted: [entry.A],
    });
    const again = await closeJury('organiser.tayninh', '2025:80');
    expect([again.status, again.body.error.code]).toEqual([409, 'CONTEST_JURY_CLOSED']);
    const foreign = await closeJury('organiser.tayninh', '2025:01');
    expect(foreign.status).toBe(403);
    const list = await client.call('organiser.central', 'GET', `/contests/${id}/entries`);
    const reached = Object.fromEntries(
      list.body.entries.map((e: { id: number; stageReached: number }) => [e.id, e.stageReached]),
    );
    expect(reached).toEqual({ [entry.A]: 1, [entry.B]: 0, [entry.C]: 0 });
  });

  it('the jury list says which groups have closed', async () => {
    const { judges } = (await client.call('organiser.central', 'GET', `/contests/${id}/judges`)).body;
    const closed = Object.fromEntries(
      judges.map((j: { juryUnit: { key: string }; juryClosed: boolean }) => [j.juryUnit.key, j.juryClosed]),
    );
    expect(closed).toEqual({ '2025:80': true, '2025:01': false });
  });

  it.each([
    ['the closed group (Tây Ninh)', () => entry.B, '2025:80', 409],
    ['a group still open (Hà Nội)', () => entry.C, '2025:01', 200],
  ])('freezes corrections of %s only', async (_what, entryId, jury, status) => {
    const { judges } = (await client.call('organiser.central', 'GET', `/contests/${id}/judges`)).body;
    const judgeId = judges.find((j: { juryUnit: { key: string } }) => j.juryUnit.key === jury)?.userId;
    const fixed = await client.call(
      'organiser.central',
      'POST',
      `/contests/${id}/entries/${entryId()}/corrections`,
      {
        stageIndex: 0,
        judgeId,
        criterion: 'impact',
        value: 19,
        reason: 'Biên bản họp ban giám khảo ngày 21/09/2025',
      },
    );
    expect(fixed.status, fixed.raw.toString()).toBe(status);
    if (status !== 200) expect(fixed.body.error.code).toBe('CONTEST_JURY_CLOSED');
  });

  it('shows the announced group to the province, not the groups still open', async () => {
    const seen = await client.call('leader.tayninh', 'GET', `/contests/${id}/results`);
    expect(seen.status, seen.raw.toString()).toBe(200);
    expect(
      seen.body.stages.map((s: { groups: { jury: { key: string } }[] }) => s.groups.map((g) => g.jury.key)),
    ).toEqual([['2025:80']]);
  });

  it('closing the whole stage keeps the province’s promotion and forwards the other groups', async () => {
    const closed = await client.call('organiser.central', 'POST', `/contests/${id}/stages/0/close`);
    expect(closed.status, closed.raw.toString()).toBe(200);
    const list = await client.call('organiser.central', 'GET', `/contests/${id}/entries`);
    const reached = Object.fromEntries(
      list.body.entries.map((e: { id: number; stageReached: number }) => [e.id, e.stageReached]),
    );
    expect(reached).toEqual({ [entry.A]: 1, [entry.B]: 0, [entry.C]: 1 });
    const { rows } = await t.store.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'contest.jury_close'",
    );
    expect(rows[0]!.n).toBe(1);
  });
});
