// The contest rules, table-driven: aggregation, tie-break, promotion, awards, deadlines, conflict of interest.
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  awards,
  closeRefusal,
  correctionRefusal,
  definitionProblems,
  entryEditRefusal,
  hasConflict,
  promote,
  promoteGroups,
  rank,
  scoringRefusal,
  sheetTotal,
  stageStatus,
  type ContestDefinition,
  type Criterion,
  type ScoredEntry,
  type Stage,
  type Standing,
} from '../src/contests/domain/index.js';

const CRITERIA: Criterion[] = [
  { key: 'idea', label: 'Ý tưởng', weight: 1, maxScore: 10 },
  { key: 'impact', label: 'Hiệu quả', weight: 3, maxScore: 20 },
];

describe('sheetTotal', () => {
  it.each([
    [{ idea: 10, impact: 20 }, 100],
    [{ idea: 0, impact: 0 }, 0],
    [{ idea: 5, impact: 20 }, 87.5],
    [{ idea: 10, impact: 10 }, 62.5],
    [{ idea: 7, impact: 13 }, 66.25],
  ])('%o → %d', (sheet, total) => expect(sheetTotal(sheet, CRITERIA)).toBe(total));
});

describe('aggregate', () => {
  it.each([
    { totals: [], want: null, why: 'no judge' },
    { totals: [70], want: 70, why: 'one judge' },
    { totals: [70, 80, 90], want: 80, why: 'mean of 3' },
    { totals: [60, 70, 80, 100], want: 77.5, why: 'mean of 4 (no trimming below 5)' },
    { totals: [10, 70, 80, 90, 100], want: 80, why: 'trimmed mean of 5: drop 10 and 100' },
    { totals: [0, 50, 50, 50, 50, 100], want: 50, why: 'trimmed mean of 6 drops one each side' },
    { totals: [90, 90, 90, 90, 10], want: 90, why: 'one outlier judge cannot sink an entry' },
    { totals: [66.666, 66.667, 66.667], want: 66.67, why: 'two decimals' },
  ])('$why', ({ totals, want }) => expect(aggregate(totals)).toBe(want));
});

function entry(id: number, submittedAt: number, ...sheets: Record<string, number>[]): ScoredEntry {
  return { id, submittedAt, sheets };
}

describe('rank and the tie-break rule', () => {
  it.each([
    {
      why: 'higher score first',
      entries: [entry(1, 0, { idea: 5, impact: 10 }), entry(2, 0, { idea: 9, impact: 18 })],
      order: [2, 1],
    },
    {
      why: 'equal score: higher share on the heaviest criterion (impact) first',
      // both 81.25: (10/10·1 + 15/20·3)/4 = (4/10·1 + 19/20·3)/4; entry 2 has 0.95 on impact against 0.75
      entries: [entry(1, 0, { idea: 10, impact: 15 }), entry(2, 0, { idea: 4, impact: 19 })],
      order: [2, 1],
    },
    {
      why: 'equal everything but time: earlier submission first',
      entries: [entry(1, 200, { idea: 5, impact: 10 }), entry(2, 100, { idea: 5, impact: 10 })],
      order: [2, 1],
    },
    {
      why: 'equal everything: lower id first',
      entries: [entry(9, 100, { idea: 5, impact: 10 }), entry(3, 100, { idea: 5, impact: 10 })],
      order: [3, 9],
    },
    {
      why: 'incomplete sheets do not count; entries without a score come last',
      entries: [entry(1, 0, { idea: 10 }), entry(2, 0, { idea: 1, impact: 1 })],
      order: [2, 1],
    },
  ])('$why', ({ entries, order }) => {
    const standings = rank(entries, CRITERIA);
    expect(standings.map((s) => s.id)).toEqual(order);
    expect(standings.map((s) => s.rank)).toEqual(order.map((_, i) => i + 1));
  });

  it('the heaviest-criterion case is a real tie on the score', () => {
    // (10/10·1 + 15/20·3)/4 = 0.8125 and (4/10·1 + 19/20·3)/4 = 0.8125
    const [a, b] = rank(
      [entry(1, 0, { idea: 10, impact: 15 }), entry(2, 0, { idea: 4, impact: 19 })],
      CRITERIA,
    );
    expect(a?.score).toBe(b?.score);
  });

  it('trims with five judges', () => {
    const sheets = [0, 14, 16, 18, 20].map((impact) => ({ idea: 10, impact }));
    const [s] = rank([entry(1, 0, ...sheets)], CRITERIA);
    expect(s?.judges).toBe(5);
    expect(s?.score).toBe(aggregate(sheets.map((x) => sheetTotal(x, CRITERIA))));
    expect(s?.score).toBe(85);
  });
});

function standing(id: number, score: number | null, rankNo: number): Standing {
  return { id, score, judges: score === null ? 0 : 3, criterionMeans: [], submittedAt: 0, rank: rankNo };
}
const STANDINGS = [standing(4, 91, 1), standing(2, 80, 2), standing(7, 65.5, 3), standing(9, null, 4)];

describe('promotion', () => {
  it.each([
    { rule: { mode: 'top', count: 2 } as const, want: [4, 2] },
    { rule: { mode: 'top', count: 10 } as const, want: [4, 2, 7] },
    { rule: { mode: 'top', count: 0 } as const, want: [] },
    { rule: { mode: 'threshold', minScore: 80 } as const, want: [4, 2] },
    { rule: { mode: 'threshold', minScore: 65.5 } as const, want: [4, 2, 7] },
    { rule: { mode: 'threshold', minScore: 95 } as const, want: [] },
  ])('$rule → $want', ({ rule, want }) => expect(promote(STANDINGS, rule)).toEqual(want));

  it('ranks each jury group on its own', () => {
    const groups = new Map([
      ['2025:80', STANDINGS],
      ['2025:01', [standing(11, 50, 1), standing(12, 40, 2)]],
    ]);
    expect(promoteGroups(groups, { mode: 'top', count: 1 })).toEqual([4, 11]);
  });

  it.each([
    {
      tiers: [
        { key: 'first', label: 'Nhất', count: 1 },
        { key: 'second', label: 'Nhì', count: 2 },
      ],
      want: [
        [4, 'first'],
        [2, 'second'],
        [7, 'second'],
      ],
    },
    {
      tiers: [{ key: 'first', label: 'Nhất', count: 5 }],
      want: [
        [4, 'first'],
        [2, 'first'],
        [7, 'first'],
      ],
    },
    { tiers: [], want: [] },
  ])('awards by tier $#', ({ tiers, want }) =>
    expect(awards(STANDINGS, tiers).map((a) => [a.entryId, a.tier])).toEqual(want),
  );
});

const STAGE: Stage = {
  level: 'province',
  opensOn: '2024-01-31',
  closesOn: '2024-04-08',
  forward: { mode: 'top', count: 3 },
};
const at = (iso: string) => Date.parse(iso);

describe('deadlines', () => {
  it.each([
    { now: '2024-01-30T23:59:59+07:00', closed: null, want: 'upcoming' },
    { now: '2024-01-31T00:00:00+07:00', closed: null, want: 'open' },
    { now: '2024-04-08T23:59:59+07:00', closed: null, want: 'open' },
    { now: '2024-04-09T00:00:00+07:00', closed: null, want: 'deadline_passed' },
    { now: '2024-04-08T18:00:00Z', closed: null, want: 'deadline_passed' },
    { now: '2024-05-01T00:00:00+07:00', closed: at('2024-04-10T09:00:00+07:00'), want: 'closed' },
  ] as const)('at $now → $want', ({ now, closed, want }) =>
    expect(stageStatus(STAGE, closed, at(now))).toBe(want),
  );

  it.each([
    { status: 'upcoming', entry: 'not_open_yet', score: 'not_open_yet' },
    { status: 'open', entry: null, score: null },
    { status: 'deadline_passed', entry: 'deadline_passed', score: 'deadline_passed' },
    { status: 'closed', entry: 'stage_closed', score: 'stage_closed' },
  ] as const)('entries and scores when $status', ({ status, entry, score }) => {
    expect(entryEditRefusal(status)).toBe(entry);
    expect(scoringRefusal(status)).toBe(score);
  });

  it.each([
    { status: 'open', reason: 'Giám khảo nhập nhầm điểm', want: null },
    { status: 'deadline_passed', reason: 'Giám khảo nhập nhầm điểm', want: null },
    { status: 'deadline_passed', reason: '   sửa    ', want: 'reason_required' },
    { status: 'deadline_passed', reason: '', want: 'reason_required' },
    { status: 'closed', reason: 'Giám khảo nhập nhầm điểm', want: 'stage_closed' },
    { status: 'upcoming', reason: 'Giám khảo nhập nhầm điểm', want: 'not_open_yet' },
  ] as const)('correction when $status with "$reason" → $want', ({ status, reason, want }) =>
    expect(correctionRefusal(status, reason)).toBe(want),
  );

  it.each([
    { status: 'open', earlier: true, want: 'stage_still_open' },
    { status: 'upcoming', earlier: true, want: 'stage_still_open' },
    { status: 'deadline_passed', earlier: true, want: null },
    { status: 'deadline_passed', earlier: false, want: 'previous_stage_open' },
    { status: 'closed', earlier: true, want: 'stage_closed' },
  ] as const)('close when $status (earlier closed: $earlier) → $want', ({ status, earlier, want }) =>
    expect(closeRefusal(status, earlier)).toBe(want),
  );
});

describe('conflict of interest', () => {
  const parent: Record<string, string> = {
    '2025:25459': '2025:80',
    '2025:25459-01': '2025:25459',
    '2025:25460': '2025:80',
    '2025:80': '2025:TW',
  };
  const within = (unit: string, root: string): boolean => {
    for (let u: string | undefined = unit; u !== undefined; u = parent[u]) if (u === root) return true;
    return false;
  };
  it.each([
    { jury: '2025:80', home: '2025:25459', entry: '2025:25459', want: true, why: 'her own commune' },
    {
      jury: '2025:80',
      home: '2025:25459',
      entry: '2025:25459-01',
      want: true,
      why: 'a branch of her commune',
    },
    { jury: '2025:80', home: '2025:25459', entry: '2025:25460', want: false, why: 'another commune' },
    {
      jury: '2025:80',
      home: '2025:80',
      entry: '2025:25459',
      want: false,
      why: 'a judge of the jury’s own unit',
    },
    { jury: '2025:80', home: '2025:TW', entry: '2025:25459', want: false, why: 'a judge from above' },
    {
      jury: '2025:TW',
      home: '2025:80',
      entry: '2025:25459',
      want: true,
      why: 'a provincial judge on the central jury, entry from her province',
    },
  ])('$why → $want', ({ jury, home, entry: entryUnit, want }) =>
    expect(hasConflict({ juryUnit: jury, judgeHome: home, entryUnit }, within)).toBe(want),
  );
});

describe('definition problems', () => {
  const base: ContestDefinition = {
    title: 'Ứng dụng CNTT trong tổ chức sinh hoạt hội',
    rules: 'Thể lệ',
    mode: 'jury',
    eligibility: { audiences: ['cadre', 'member'], authorKinds: ['individual', 'collective'] },
    stages: [STAGE, { ...STAGE, level: 'central', opensOn: '2024-04-09', closesOn: '2024-04-12' }],
    criteria: CRITERIA,
    awards: [],
  };
  it.each([
    { why: 'a good definition', def: base, fields: [] },
    {
      why: 'overlapping stages',
      def: { ...base, stages: [STAGE, { ...STAGE, level: 'central' as const, opensOn: '2024-04-08' }] },
      fields: ['stages.1.opensOn'],
    },
    {
      why: 'going down a level',
      def: {
        ...base,
        stages: [
          { ...STAGE, level: 'central' as const },
          { ...STAGE, level: 'province' as const, opensOn: '2024-04-09', closesOn: '2024-04-12' },
        ],
      },
      fields: ['stages.1.level'],
    },
    {
      why: 'ends before it starts',
      def: { ...base, stages: [{ ...STAGE, closesOn: '2024-01-01' }] },
      fields: ['stages.0.closesOn'],
    },
    {
      why: 'duplicate criteria',
      def: { ...base, criteria: [CRITERIA[0]!, CRITERIA[0]!] },
      fields: ['criteria.1.key'],
    },
    { why: 'no stages', def: { ...base, stages: [] }, fields: ['stages'] },
    {
      why: 'a public vote with two stages',
      def: { ...base, mode: 'public_vote' as const },
      fields: ['stages'],
    },
  ])('$why', ({ def, fields }) => expect(definitionProblems(def).map((p) => p.field)).toEqual(fields));
});
