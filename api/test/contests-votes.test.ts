// Public votes through app.inject(): the public ballot (no authors, no counts while open), one vote per member
// proved by her member key and phone, members of the contest's area only, the vote's days enforced, a cap per
// source against stuffing, counts shown once the vote has closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITION, addMembers, contestClient, entryBody, voteDefinition } from './contests-fixture.js';
import { startTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let client: ReturnType<typeof contestClient>;
let voteId = 0;
let juryId = 0;
const entry: Record<'A' | 'B' | 'gone', number> = { A: 0, B: 0, gone: 0 };
const member = { memberKey: 'm-vote-0001', phone: '0912345678' };

const vote = (body: { entryId: number; memberKey: string; phone: string }, id = voteId) =>
  client.call(null, 'POST', `/contests/${id}/votes`, body);
const ballot = (id = voteId) => client.call(null, 'GET', `/contests/${id}/ballot`);

beforeAll(async () => {
  t = await startTestApp();
  client = contestClient(t);
  client.at('2025-09-25T08:00:00+07:00');
  await addMembers(t.store, [member]);
  await addMembers(t.store, [{ memberKey: 'm-hanoi-0001', phone: '0987654321' }], {
    commune: '2025:00004',
    province: '2025:01',
  });
  const created = await client.call('organiser.tayninh', 'POST', '/contests', {
    ownerUnit: '2025:80',
    definition: voteDefinition('2025-10-01', '2025-10-10'),
  });
  expect(created.status, created.raw.toString()).toBe(201);
  voteId = created.body.id;
  juryId = (
    await client.call('organiser.central', 'POST', '/contests', {
      ownerUnit: '2025:TW',
      definition: DEFINITION,
    })
  ).body.id;
});

afterAll(async () => {
  await t?.close();
});

describe('a public vote', () => {
  it('refuses votes before it opens', async () => {
    expect((await ballot()).body.status).toBe('upcoming');
    client.at('2025-10-01T08:00:00+07:00');
    for (const [key, unit, title] of [
      ['A', '2025:25459', 'Ảnh đẹp A'],
      ['B', '2025:25480', 'Ảnh đẹp B'],
      ['gone', '2025:25480', 'Ảnh rút lại'],
    ] as const) {
      const user = unit === '2025:25459' ? 'officer.tanninh' : 'officer.binhminh';
      const made = await client.call(user, 'POST', `/contests/${voteId}/entries`, entryBody(unit, title));
      expect(made.status, made.raw.toString()).toBe(201);
      entry[key] = made.body.id;
    }
    const early = await client.call(
      'officer.binhminh',
      'PATCH',
      `/contests/${voteId}/entries/${entry.gone}`,
      {
        withdrawn: true,
      },
    );
    expect(early.status, early.raw.toString()).toBe(200);
  });

  it('shows a public ballot: entries without authors or withdrawn ones, no counts while open', async () => {
    const open = await ballot();
    expect(open.status, open.raw.toString()).toBe(200);
    expect(open.body).toMatchObject({
      title: 'Bình chọn ảnh đẹp sinh hoạt chi hội',
      owner: expect.stringContaining('Tây Ninh'),
      status: 'open',
      closesOn: '2025-10-10',
      results: null,
      votesPerSourcePerHour: 20,
    });
    expect(open.body.entries.map((e: { title: string }) => e.title)).toEqual(['Ảnh đẹp A', 'Ảnh đẹp B']);
    expect(JSON.stringify(open.body)).not.toContain('Nguyễn Thị Lan');
    const jury = await ballot(juryId);
    expect([jury.status, jury.body.error.code]).toEqual([404, 'CONTEST_NOT_FOUND']);
  });

  it.each([
    ['a jury contest', () => ({ entryId: entry.A, ...member }), () => juryId, 'VOTE_NOT_OPEN'],
    ['a withdrawn entry', () => ({ entryId: entry.gone, ...member }), () => voteId, 'ENTRY_NOT_FOUND'],
    [
      'a wrong phone',
      () => ({ entryId: entry.A, memberKey: member.memberKey, phone: '0900000000' }),
      () => voteId,
      'VOTER_UNKNOWN',
    ],
    [
      'an unknown member',
      () => ({ entryId: entry.A, memberKey: 'm-none-0001', phone: member.phone }),
      () => voteId,
      'VOTER_UNKNOWN',
    ],
    [
      'a member outside the area',
      () => ({ entryId: entry.A, memberKey: 'm-hanoi-0001', phone: '0987654321' }),
      () => voteId,
      'VOTER_UNKNOWN',
    ],
  ])('refuses %s', async (_what, body, id, code) => {
    const refused = await vote(body(), id());
    expect(refused.body.error.code).toBe(code);
  });

  it('takes one vote per member', async () => {
    const first = await vote({ entryId: entry.B, ...member });
    expect(first.status, first.raw.toString()).toBe(201);
    const second = await vote({ entryId: entry.A, ...member });
    expect([second.status, second.body.error.code]).toEqual([409, 'VOTE_ALREADY_CAST']);
    const hidden = await client.call('leader.tayninh', 'GET', `/contests/${voteId}/votes`);
    expect(hidden.body.error.code).toBe('VOTE_RESULTS_HIDDEN');
  });

  it('limits votes from one source within an hour', async () => {
    const stuffers = Array.from({ length: 21 }, (_, i) => ({
      memberKey: `m-stuff-${String(i).padStart(4, '0')}`,
      phone: '0911111111',
    }));
    await addMembers(t.store, stuffers);
    client.at('2025-10-05T08:00:00+07:00');
    const statuses: number[] = [];
    for (const voter of stuffers) statuses.push((await vote({ entryId: entry.A, ...voter })).status);
    // The first member's vote from this source is days old: 20 pass within the hour, the 21st is refused.
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses[20]).toBe(429);
    t.clock.advance(3600);
    expect((await vote({ entryId: entry.A, ...stuffers[20]! })).status).toBe(201);
  });

  it('refuses votes after its last day, and shows the counts then', async () => {
    client.at('2025-10-11T08:00:00+07:00');
    await addMembers(t.store, [{ memberKey: 'm-late-0001', phone: '0933333333' }]);
    const late = await vote({ entryId: entry.B, memberKey: 'm-late-0001', phone: '0933333333' });
    expect(late.body.error.code).toBe('VOTE_NOT_OPEN');
    const expected = [
      { entryId: entry.A, title: 'Ảnh đẹp A', votes: 21 },
      { entryId: entry.B, title: 'Ảnh đẹp B', votes: 1 },
    ];
    expect((await ballot()).body).toMatchObject({ status: 'deadline_passed', results: expected });
    const counts = await client.call('leader.tayninh', 'GET', `/contests/${voteId}/votes`);
    expect(counts.body.votes).toEqual(expected);
  });

  it('audits each vote without the phone number', async () => {
    const { rows } = await t.store.query<{ after: Record<string, unknown> }>(
      "SELECT after FROM audit_log WHERE action = 'contest.vote'",
    );
    expect(rows).toHaveLength(22);
    expect(JSON.stringify(rows)).not.toContain('0911111111');
  });
});
