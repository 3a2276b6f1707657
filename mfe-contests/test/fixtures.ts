// Answers of the contest API for the unit tests, shaped as api/src/contests/schemas.ts says.
import type { Assignment, Ballot, Contest, Results } from '../src/types.js';

/** A two-stage contest; the first stage open. */
export function contest(can: Partial<Contest['can']> = {}): Contest {
  const definition: Contest['definition'] = {
    title: 'Ứng dụng công nghệ thông tin trong tổ chức sinh hoạt hội',
    rules: 'Thể lệ',
    mode: 'jury',
    eligibility: { audiences: ['cadre'], authorKinds: ['individual'] },
    stages: [
      {
        level: 'province',
        opensOn: '2025-09-01',
        closesOn: '2025-09-20',
        forward: { mode: 'top', count: 2 },
      },
      {
        level: 'central',
        opensOn: '2025-09-21',
        closesOn: '2025-09-25',
        forward: { mode: 'threshold', minScore: 80.5 },
      },
    ],
    criteria: [
      { key: 'idea', label: 'Tính sáng tạo', weight: 1, maxScore: 10 },
      { key: 'impact', label: 'Hiệu quả', weight: 3, maxScore: 20 },
    ],
    awards: [{ key: 'first', label: 'Giải Nhất', count: 1 }],
  };
  return {
    id: 7,
    ownerUnit: { key: '2025:TW', name: 'Trung ương Hội LHPN Việt Nam' },
    definition,
    stages: definition.stages.map((s, index) => ({
      ...s,
      index,
      status: index === 0 ? 'open' : 'upcoming',
      closedAt: null,
    })),
    version: 1,
    can: { manage: false, submit: false, judge: false, ...can },
  };
}

/** A judge's seat with one sheet to score and one from her own commune. */
export function assignment(): Assignment {
  const sheet = (entryId: number, title: string, unit: string, conflict: boolean) => ({
    entryId,
    title,
    description: 'Mô tả',
    links: [],
    unit: { key: `2025:${entryId}`, name: unit },
    conflict,
    complete: false,
    scores: [],
    attachments: [],
  });
  return {
    stageIndex: 0,
    status: 'open',
    juryUnit: { key: '2025:80', name: 'Tỉnh Tây Ninh' },
    progress: { scored: 1, remaining: 2, conflicts: 1 },
    sheets: [
      sheet(11, 'Sổ tay Zalo', 'Phường Tân Ninh', true),
      sheet(12, 'Điểm danh QR', 'Phường Bình Minh', false),
    ],
  };
}

/** Results after the first stage closed. */
export function results(): Results {
  return {
    tieBreak: 'Điểm tổng hợp cao hơn; …',
    stages: [
      {
        index: 0,
        status: 'closed',
        groups: [
          {
            jury: { key: '2025:80', name: 'Tỉnh Tây Ninh' },
            standings: [
              {
                entryId: 12,
                title: 'Điểm danh QR',
                unit: { key: '2025:25480', name: 'Phường Bình Minh' },
                score: 86.875,
                judges: 3,
                rank: 1,
                promoted: true,
              },
              {
                entryId: 11,
                title: 'Sổ tay Zalo',
                unit: { key: '2025:25459', name: 'Phường Tân Ninh' },
                score: null,
                judges: 0,
                rank: 2,
                promoted: false,
              },
            ],
          },
        ],
      },
    ],
    awards: [
      {
        entryId: 12,
        title: 'Điểm danh QR',
        unit: { key: '2025:25480', name: 'Phường Bình Minh' },
        tier: 'first',
        label: 'Giải Nhất',
        position: 1,
      },
    ],
  };
}

/** The ballot of a public vote (contest 7), open, or closed with its counts. */
export function ballot(status: Ballot['status']): Ballot {
  return {
    contestId: 7,
    title: 'Bình chọn ảnh đẹp',
    rules: 'Thể lệ',
    owner: 'Tỉnh Tây Ninh',
    opensOn: '2025-10-01',
    closesOn: '2025-10-10',
    status,
    votesPerSourcePerHour: 20,
    entries: [
      { entryId: 21, title: 'Ảnh A', description: 'Mô tả A', unit: 'Phường Tân Ninh', links: [] },
      { entryId: 22, title: 'Ảnh B', description: 'Mô tả B', unit: 'Phường Bình Minh', links: [] },
    ],
    results:
      status === 'open'
        ? null
        : [
            { entryId: 22, title: 'Ảnh B', votes: 1234 },
            { entryId: 21, title: 'Ảnh A', votes: 5 },
          ],
  };
}
