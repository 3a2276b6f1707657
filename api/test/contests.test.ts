// Contests end to end through app.inject(): define, submit (with attachments), seat juries, score with a
// conflict of interest refused, deadlines (late submission, frozen scores), a correction with its reason in
// the audit log, close and promote to the central jury, awards, participation, certificates. Public votes are
// in contests-votes.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITION, contestClient, entryBody, multipart } from './contests-fixture.js';
import { startTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
let client: ReturnType<typeof contestClient>;
const call: ReturnType<typeof contestClient>['call'] = (...args) => client.call(...args);
const at = (iso: string) => client.at(iso);
const tokenOf = (user: string) => client.tokenOf(user);

beforeAll(async () => {
  t = await startTestApp();
  client = contestClient(t);
});

afterAll(async () => {
  await t?.close();
});

let contestId = 0;
const entries: Record<string, number> = {};
const judgeIds: Record<string, number> = {};

describe('a two-level jury contest', () => {
  it('is defined by an organiser (a bad definition is refused with the field to fix)', async () => {
    at('2025-08-25T09:00:00+07:00');
    const bad = await call('organiser.central', 'POST', '/contests', {
      ownerUnit: '2025:TW',
      definition: { ...DEFINITION, stages: [DEFINITION.stages[1], DEFINITION.stages[0]] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('CONTEST_DEFINITION_INVALID');
    expect(bad.body.error.details.problems.map((p: { field: string }) => p.field)).toContain(
      'stages.1.opensOn',
    );
    const created = await call('organiser.central', 'POST', '/contests', {
      ownerUnit: '2025:TW',
      definition: DEFINITION,
    });
    expect(created.status).toBe(201);
    contestId = created.body.id;
    expect(created.body.stages.map((s: { status: string }) => s.status)).toEqual(['upcoming', 'upcoming']);
    expect(created.body.can).toEqual({ manage: true, submit: true, judge: false });
    const seen = await call('leader.tayninh', 'GET', '/contests');
    expect(seen.body.contests.map((c: { id: number }) => c.id)).toContain(contestId);
  });

  it('refuses entries before the first stage opens', async () => {
    const early = await call(
      'officer.tanninh',
      'POST',
      `/contests/${contestId}/entries`,
      entryBody('2025:25459', 'Sớm'),
    );
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CONTEST_STAGE_NOT_OPEN');
    expect(early.body.error.message_vi).toContain('01/09/2025');
  });

  it('takes entries from communes in scope, checks eligibility, and lets them be edited while open', async () => {
    at('2025-09-02T08:00:00+07:00');
    const submitted: [string, string, string][] = [
      ['officer.tanninh', '2025:25459', 'Sổ tay sinh hoạt chi hội trên Zalo'],
      ['officer.tanninh', '2025:25459', 'Điểm danh sinh hoạt bằng mã QR'],
      ['officer.binhminh', '2025:25480', 'Sinh hoạt trực tuyến cho hội viên đi làm xa'],
      ['officer.tanbien', '2025:25486', 'Video hướng dẫn dịch vụ công'],
    ];
    for (const [user, unit, title] of submitted) {
      const r = await call(user, 'POST', `/contests/${contestId}/entries`, entryBody(unit, title));
      expect(r.status, r.raw.toString()).toBe(201);
      entries[title] = r.body.id;
    }
    const outside = await call(
      'officer.tanninh',
      'POST',
      `/contests/${contestId}/entries`,
      entryBody('2025:25480', 'X'),
    );
    expect(outside.body.error.code).toBe('OUT_OF_SCOPE');
    const province = await call(
      'organiser.tayninh',
      'POST',
      `/contests/${contestId}/entries`,
      entryBody('2025:80', 'X'),
    );
    expect(province.body.error.code).toBe('ENTRY_UNIT_INVALID');
    const edited = await call(
      'officer.tanbien',
      'PATCH',
      `/contests/${contestId}/entries/${entries['Video hướng dẫn dịch vụ công']}`,
      {
        authors: ['Trần Thị Hoa', 'Lê Thị Mai'],
      },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.authors).toEqual(['Trần Thị Hoa', 'Lê Thị Mai']);
    const foreign = await call(
      'officer.binhminh',
      'PATCH',
      `/contests/${contestId}/entries/${entries['Video hướng dẫn dịch vụ công']}`,
      { title: 'Y' },
    );
    expect(foreign.body.error.code).toBe('ENTRY_NOT_FOUND');
    const mine = await call('officer.tanninh', 'GET', `/contests/${contestId}/entries`);
    expect(mine.body.entries).toHaveLength(2);
  });

  it.each([
    {
      what: 'a PDF',
      name: 'thuyet-minh.pdf',
      type: 'application/pdf',
      data: Buffer.from('%PDF-1.4\n%…\n'),
      status: 201,
    },
    {
      what: 'a PNG',
      name: 'anh.png',
      type: 'image/png',
      data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
      status: 201,
    },
    { what: 'a text file', name: 'a.txt', type: 'text/plain', data: Buffer.from('hello'), status: 415 },
    {
      what: 'a renamed file',
      name: 'fake.pdf',
      type: 'application/pdf',
      data: Buffer.from('MZ…'),
      status: 415,
    },
    {
      what: 'a file over 10 MB',
      name: 'big.pdf',
      type: 'application/pdf',
      data: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(10_000_001)]),
      status: 413,
    },
  ])('attachments: $what → $status', async ({ name, type, data, status }) => {
    const entryId = entries['Sổ tay sinh hoạt chi hội trên Zalo'];
    const response = await t.app.inject({
      method: 'POST',
      url: `/contests/${contestId}/entries/${entryId}/attachments`,
      ...multipart(name, type, data),
      headers: {
        ...multipart(name, type, data).headers,
        authorization: `Bearer ${await tokenOf('officer.tanninh')}`,
      },
    });
    expect(response.statusCode, response.body).toBe(status);
    if (status === 201) {
      const download = await call(
        'officer.tanninh',
        'GET',
        `/contests/${contestId}/attachments/${response.json().id}`,
      );
      expect(download.status).toBe(200);
      expect(Buffer.compare(download.raw, data)).toBe(0);
      const other = await call(
        'officer.binhminh',
        'GET',
        `/contests/${contestId}/attachments/${response.json().id}`,
      );
      expect(other.body.error.code).toBe('ATTACHMENT_NOT_FOUND');
    }
  });

  it('seats juries: each organiser within her scope, judges by username', async () => {
    for (const username of ['judge.tayninh.1', 'judge.tayninh.2', 'judge.tanninh']) {
      const r = await call('organiser.tayninh', 'POST', `/contests/${contestId}/judges`, {
        stageIndex: 0,
        juryUnit: '2025:80',
        username,
      });
      expect(r.status, r.raw.toString()).toBe(200);
    }
    const above = await call('organiser.tayninh', 'POST', `/contests/${contestId}/judges`, {
      stageIndex: 1,
      juryUnit: '2025:TW',
      username: 'judge.central',
    });
    expect(above.body.error.code).toBe('CONTEST_NOT_ORGANISER');
    const wrongLevel = await call('organiser.central', 'POST', `/contests/${contestId}/judges`, {
      stageIndex: 1,
      juryUnit: '2025:80',
      username: 'judge.central',
    });
    expect(wrongLevel.body.error.code).toBe('JURY_UNIT_INVALID');
    const notJudge = await call('organiser.central', 'POST', `/contests/${contestId}/judges`, {
      stageIndex: 1,
      juryUnit: '2025:TW',
      username: 'leader.hanoi',
    });
    expect(notJudge.body.error.code).toBe('JUDGE_NOT_FOUND');
    let last;
    for (const username of ['judge.central', 'judge.central.2', 'judge.central.3'])
      last = await call('organiser.central', 'POST', `/contests/${contestId}/judges`, {
        stageIndex: 1,
        juryUnit: '2025:TW',
        username,
      });
    expect(last?.body.judges).toHaveLength(6);
    for (const j of last?.body.judges ?? []) judgeIds[j.displayName] = j.userId;
  });

  it('scores with progress; a judge never scores her own commune’s entry', async () => {
    const sheets: Record<string, [number, number][]> = {
      // per entry title: [idea, impact] of judge.tayninh.1, judge.tayninh.2, judge.tanninh
      'Sổ tay sinh hoạt chi hội trên Zalo': [
        [9, 18],
        [8, 17],
      ],
      'Điểm danh sinh hoạt bằng mã QR': [
        [6, 10],
        [7, 11],
      ],
      'Sinh hoạt trực tuyến cho hội viên đi làm xa': [
        [8, 16],
        [9, 15],
        [8, 18],
      ],
      'Video hướng dẫn dịch vụ công': [
        [5, 9],
        [6, 8],
        [4, 10],
      ],
    };
    const judges = ['judge.tayninh.1', 'judge.tayninh.2', 'judge.tanninh'];
    for (const [title, marks] of Object.entries(sheets)) {
      for (const [i, [idea, impact]] of marks.entries()) {
        const r = await call(judges[i]!, 'PUT', `/contests/${contestId}/entries/${entries[title]}/scores`, {
          stageIndex: 0,
          scores: [
            { criterion: 'idea', value: idea, comment: 'Ý tưởng rõ' },
            { criterion: 'impact', value: impact },
          ],
        });
        expect(r.status, r.raw.toString()).toBe(200);
      }
    }
    const conflict = await call(
      'judge.tanninh',
      'PUT',
      `/contests/${contestId}/entries/${entries['Sổ tay sinh hoạt chi hội trên Zalo']}/scores`,
      {
        stageIndex: 0,
        scores: [{ criterion: 'idea', value: 10 }],
      },
    );
    expect(conflict.status).toBe(403);
    expect(conflict.body.error.code).toBe('CONFLICT_OF_INTEREST');
    expect(conflict.body.error.message_vi).toContain('Phường Tân Ninh');
    const tooHigh = await call(
      'judge.tayninh.1',
      'PUT',
      `/contests/${contestId}/entries/${entries['Video hướng dẫn dịch vụ công']}/scores`,
      {
        stageIndex: 0,
        scores: [{ criterion: 'impact', value: 21 }],
      },
    );
    expect(tooHigh.body.error.code).toBe('SCORE_INVALID');
    const central = await call(
      'judge.central',
      'PUT',
      `/contests/${contestId}/entries/${entries['Video hướng dẫn dịch vụ công']}/scores`,
      {
        stageIndex: 0,
        scores: [{ criterion: 'idea', value: 1 }],
      },
    );
    expect(central.body.error.code).toBe('NOT_ON_JURY');
    const progress = await call('judge.tanninh', 'GET', `/contests/${contestId}/judging`);
    expect(progress.body.assignments[0].progress).toEqual({ scored: 2, remaining: 0, conflicts: 2 });
    const p1 = await call('judge.tayninh.1', 'GET', `/contests/${contestId}/judging`);
    expect(p1.body.assignments[0].progress).toEqual({ scored: 4, remaining: 0, conflicts: 0 });
  });

  it('refuses a late submission and frozen scores after the deadline; a correction needs a reason', async () => {
    at('2025-09-21T00:00:00+07:00');
    const late = await call(
      'officer.binhminh',
      'POST',
      `/contests/${contestId}/entries`,
      entryBody('2025:25480', 'Nộp muộn'),
    );
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CONTEST_DEADLINE_PASSED');
    expect(late.body.error.message_vi).toContain('20/09/2025');
    const frozen = await call(
      'judge.tayninh.1',
      'PUT',
      `/contests/${contestId}/entries/${entries['Video hướng dẫn dịch vụ công']}/scores`,
      {
        stageIndex: 0,
        scores: [{ criterion: 'idea', value: 10 }],
      },
    );
    expect(frozen.body.error.code).toBe('CONTEST_DEADLINE_PASSED');
    const entryId = entries['Điểm danh sinh hoạt bằng mã QR'];
    const judgeId = judgeIds['Giám khảo tỉnh Tây Ninh 2 (demo)'];
    const noReason = await call(
      'organiser.central',
      'POST',
      `/contests/${contestId}/entries/${entryId}/corrections`,
      {
        stageIndex: 0,
        judgeId,
        criterion: 'impact',
        value: 19,
        reason: 'sửa',
      },
    );
    expect(noReason.body.error.code).toBe('CONTEST_REASON_REQUIRED');
    const reason = 'Giám khảo nhập nhầm 11 thay vì 19 (biên bản ngày 21/09)';
    const fixed = await call(
      'organiser.central',
      'POST',
      `/contests/${contestId}/entries/${entryId}/corrections`,
      {
        stageIndex: 0,
        judgeId,
        criterion: 'impact',
        value: 19,
        reason,
      },
    );
    expect(fixed.status, fixed.raw.toString()).toBe(200);
    const { rows } = await t.store.query<{
      before: { value: number };
      after: { reason: string; value: number };
    }>("SELECT before, after FROM audit_log WHERE action = 'contest.score_correct' AND entity_id = $1", [
      String(entryId),
    ]);
    expect(rows).toEqual([
      {
        before: expect.objectContaining({ value: 11 }),
        after: expect.objectContaining({ value: 19, reason }),
      },
    ]);
  });

  it('closes the provincial stage in order, forwarding the two best to the central jury', async () => {
    const early = await call('organiser.central', 'POST', `/contests/${contestId}/stages/1/close`);
    expect(early.body.error.code).toBe('CONTEST_PREVIOUS_STAGE_OPEN');
    const notOrganiser = await call('organiser.tayninh', 'POST', `/contests/${contestId}/stages/0/close`);
    expect(notOrganiser.body.error.code).toBe('CONTEST_NOT_ORGANISER');
    const closed = await call('organiser.central', 'POST', `/contests/${contestId}/stages/0/close`);
    expect(closed.status, closed.raw.toString()).toBe(200);
    expect(closed.body.stages.map((s: { status: string }) => s.status)).toEqual(['closed', 'open']);
    const results = await call('leader.tayninh', 'GET', `/contests/${contestId}/results`);
    const [group] = results.body.stages[0].groups;
    expect(group.jury.name).toBe('Tỉnh Tây Ninh');
    // Zalo (2 judges: 90, 83.75) 86.88; online (80, 78.75, 87.5) 82.08; QR after the correction (52.5, 88.75)
    // 70.63; video (46.25, 45, 47.5) 46.25. Top 2 move on: two communes forwarded to central.
    expect(group.standings.map((s: { title: string; promoted: boolean }) => [s.title, s.promoted])).toEqual([
      ['Sổ tay sinh hoạt chi hội trên Zalo', true],
      ['Sinh hoạt trực tuyến cho hội viên đi làm xa', true],
      ['Điểm danh sinh hoạt bằng mã QR', false],
      ['Video hướng dẫn dịch vụ công', false],
    ]);
    const again = await call('organiser.central', 'POST', `/contests/${contestId}/stages/0/close`);
    expect(again.body.error.code).toBe('CONTEST_STAGE_CLOSED');
  });

  it('the central jury scores the forwarded entries only, then the contest closes with awards', async () => {
    const central = await call('judge.central', 'GET', `/contests/${contestId}/judging`);
    expect(central.body.assignments[0].sheets.map((s: { title: string }) => s.title).sort()).toEqual(
      ['Sổ tay sinh hoạt chi hội trên Zalo', 'Sinh hoạt trực tuyến cho hội viên đi làm xa'].sort(),
    );
    const marks: Record<string, number[]> = {
      'Sổ tay sinh hoạt chi hội trên Zalo': [15, 16, 14],
      'Sinh hoạt trực tuyến cho hội viên đi làm xa': [18, 19, 17],
    };
    for (const [title, impacts] of Object.entries(marks))
      for (const [i, judge] of ['judge.central', 'judge.central.2', 'judge.central.3'].entries()) {
        const r = await call(judge, 'PUT', `/contests/${contestId}/entries/${entries[title]}/scores`, {
          stageIndex: 1,
          scores: [
            { criterion: 'idea', value: 8 },
            { criterion: 'impact', value: impacts[i]! },
          ],
        });
        expect(r.status).toBe(200);
      }
    const notYet = await call('organiser.central', 'POST', `/contests/${contestId}/stages/1/close`);
    expect(notYet.body.error.code).toBe('CONTEST_STAGE_STILL_OPEN');
    const hidden = await call('leader.tayninh', 'GET', `/contests/${contestId}/results`);
    expect(hidden.body.stages).toHaveLength(1);
    at('2025-09-26T08:00:00+07:00');
    expect((await call('organiser.central', 'POST', `/contests/${contestId}/stages/1/close`)).status).toBe(
      200,
    );
    const results = await call('leader.tayninh', 'GET', `/contests/${contestId}/results`);
    expect(results.body.awards.map((a: { title: string; label: string }) => [a.title, a.label])).toEqual([
      ['Sinh hoạt trực tuyến cho hội viên đi làm xa', 'Giải Nhất'],
      ['Sổ tay sinh hoạt chi hội trên Zalo', 'Giải Nhì'],
    ]);
    expect(results.body.tieBreak).toContain('tiêu chí có trọng số lớn nhất');
  });

  it('counts participation per unit', async () => {
    const r = await call('leader.tayninh', 'GET', `/contests/${contestId}/participation`);
    expect(
      r.body.units.map(
        (u: { unit: { name: string }; submitted: number; forwarded: number; awarded: number }) => [
          u.unit.name,
          u.submitted,
          u.forwarded,
          u.awarded,
        ],
      ),
    ).toEqual([
      ['Phường Tân Ninh', 2, 1, 1],
      ['Phường Bình Minh', 1, 1, 1],
      ['Xã Tân Biên', 1, 0, 0],
    ]);
    const hanoi = await call('leader.hanoi', 'GET', `/contests/${contestId}/participation`);
    expect(hanoi.body.units).toEqual([]);
  });

  it('gives certificates (PDF with an embedded Vietnamese font) to awarded entries only', async () => {
    const pdf = await call(
      'officer.tanninh',
      'GET',
      `/contests/${contestId}/entries/${entries['Sinh hoạt trực tuyến cho hội viên đi làm xa']}/certificate`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdf.raw.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/NotoSans-Bold/);
    const none = await call(
      'officer.tanbien',
      'GET',
      `/contests/${contestId}/entries/${entries['Video hướng dẫn dịch vụ công']}/certificate`,
    );
    expect(none.body.error.code).toBe('CERTIFICATE_NOT_AWARDED');
  });

  it('audits every write', async () => {
    const { rows } = await t.store.query<{ action: string; n: number }>(
      "SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'contest.%' GROUP BY action ORDER BY action",
    );
    expect(Object.fromEntries(rows.map((r) => [r.action, r.n]))).toEqual({
      'contest.create': 1,
      'contest.entry_submit': 4,
      'contest.entry_edit': 1,
      'contest.attachment_add': 2,
      'contest.judge_assign': 6,
      'contest.score': 10 + 6,
      'contest.score_correct': 1,
      'contest.stage_close': 2,
    });
  });
});

describe('the contest list of a unit', () => {
  beforeAll(async () => {
    const province = await call('organiser.tayninh', 'POST', '/contests', {
      ownerUnit: '2025:80',
      definition: { ...DEFINITION, title: 'Hội thi của tỉnh Tây Ninh' },
    });
    expect(province.status, province.raw.toString()).toBe(201);
  });

  const ids = async (user: string, unit?: string) => {
    const answer = await call(user, 'GET', unit === undefined ? '/contests' : `/contests?unit=${unit}`);
    expect(answer.status, answer.raw.toString()).toBe(200);
    return (answer.body.contests as { id: number; ownerUnit: { key: string } }[]).map((c) => c.ownerUnit.key);
  };

  it.each([
    ['a commune sees contests owned above it', 'analyst.central', '2025:25459', ['2025:TW', '2025:80']],
    ['another province sees only the national ones', 'analyst.central', '2025:01', ['2025:TW']],
    ['the centre sees every contest below it', 'analyst.central', '2025:TW', ['2025:TW', '2025:80']],
    ['no unit means the caller’s scope', 'leader.tayninh', undefined, ['2025:TW', '2025:80']],
  ])('%s', async (_what, user, unit, owners) => {
    expect(new Set(await ids(user, unit))).toEqual(new Set(owners));
  });

  it('refuses a unit outside the caller’s scope', async () => {
    const answer = await call('leader.tayninh', 'GET', '/contests?unit=2025:01');
    expect(answer.status).toBe(403);
  });
});
