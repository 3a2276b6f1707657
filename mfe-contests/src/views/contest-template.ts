// The definition a new contest starts from: seed 000 ("IT in organising member meetings"), two jury levels.
import type { Definition } from '../types.js';

/** ISO date `days` after `from` (calendar arithmetic in UTC). */
function plusDays(from: string, days: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A two-stage jury contest opening on `today`: a province jury (first 38 days), then a central jury (4 days),
 * with the seed's kind of rubric and awards. The organiser changes whatever differs.
 */
export function contestTemplate(today: string): Definition {
  return {
    title: 'Ứng dụng công nghệ thông tin trong tổ chức sinh hoạt hội',
    rules:
      'Thi sản phẩm, giải pháp ứng dụng công nghệ thông tin trong tổ chức sinh hoạt hội viên (ứng dụng, video, quy trình). ' +
      'Mỗi đơn vị gửi bài kèm tệp hoặc đường dẫn; ban giám khảo chấm theo tiêu chí.',
    mode: 'jury',
    eligibility: {
      audiences: ['cadre', 'member', 'honorary_member'],
      authorKinds: ['individual', 'collective'],
    },
    stages: [
      {
        level: 'province',
        opensOn: today,
        closesOn: plusDays(today, 38),
        forward: { mode: 'top', count: 2 },
      },
      {
        level: 'central',
        opensOn: plusDays(today, 39),
        closesOn: plusDays(today, 42),
        forward: { mode: 'top', count: 1 },
      },
    ],
    criteria: [
      { key: 'creativity', label: 'Tính sáng tạo', weight: 3, maxScore: 30 },
      { key: 'effect', label: 'Hiệu quả trong sinh hoạt hội', weight: 4, maxScore: 40 },
      { key: 'replicable', label: 'Khả năng nhân rộng', weight: 3, maxScore: 30 },
    ],
    awards: [
      { key: 'first', label: 'Giải Nhất', count: 1 },
      { key: 'second', label: 'Giải Nhì', count: 1 },
    ],
  };
}
