/**
 * How the workbench names things: dimension values (months as MM/yyyy, quarters, units by name, codes in
 * words) and figures (Vietnamese number format whatever the language).
 */
import type { Language, Localized } from '@vwu/context';
import { count, monthLabel, percent } from '../format.js';
import type { Dimension, Measure } from './catalogue.js';
import type { PivotColumn, PivotKey } from './pivot.js';

/** Names of codes the events carry, Vietnamese first. */
const CODES: Record<string, Localized> = {
  website: { vi: 'Trang thông tin điện tử', en: 'Website' },
  fanpage: { vi: 'Fanpage', en: 'Fanpage' },
  zalo_oa: { vi: 'Zalo OA', en: 'Zalo OA' },
  zalo_group: { vi: 'Nhóm Zalo', en: 'Zalo group' },
  facebook_group: { vi: 'Nhóm Facebook', en: 'Facebook group' },
  propaganda: { vi: 'Tuyên truyền', en: 'Propaganda' },
  information: { vi: 'Thông tin', en: 'Information' },
  in_person: { vi: 'Trực tiếp', en: 'In person' },
  online: { vi: 'Trực tuyến', en: 'Online' },
  hybrid: { vi: 'Kết hợp', en: 'Hybrid' },
  paper: { vi: 'Giấy', en: 'Paper' },
  digital_skills: { vi: 'Kỹ năng số', en: 'Digital skills' },
  e_commerce: { vi: 'Thương mại điện tử', en: 'E-commerce' },
  online_public_services: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' },
  it_for_cadres: { vi: 'CNTT cho cán bộ', en: 'IT for cadres' },
  other: { vi: 'Khác', en: 'Other' },
  members: { vi: 'Hội viên', en: 'Members' },
  cadres: { vi: 'Cán bộ', en: 'Cadres' },
  mixed: { vi: 'Hỗn hợp', en: 'Mixed' },
  portal: { vi: 'Cổng thông tin', en: 'Portal' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  online_group: { vi: 'Nhóm trực tuyến', en: 'Online group' },
  advised: { vi: 'Tư vấn', en: 'Advised' },
  resolved: { vi: 'Giải quyết', en: 'Resolved' },
  referred: { vi: 'Chuyển cơ quan khác', en: 'Referred' },
  branch: { vi: 'Chi hội', en: 'Branch' },
  application: { vi: 'Đơn đăng ký', en: 'Application' },
  material: { vi: 'Tài liệu', en: 'Material' },
  activity: { vi: 'Hoạt động', en: 'Activity' },
};

/** Names of the event types. */
const TYPES: Record<string, Localized> = {
  'post.published': { vi: 'Tin, bài đăng', en: 'Posts published' },
  'meeting.held': { vi: 'Sinh hoạt hội', en: 'Member meetings' },
  'document.received': { vi: 'Văn bản đến', en: 'Documents received' },
  'document.issued': { vi: 'Văn bản đi', en: 'Documents issued' },
  'workfile.processed': { vi: 'Hồ sơ công việc', en: 'Work files' },
  'training.held': { vi: 'Tập huấn', en: 'Trainings' },
  'case.reported': { vi: 'Vụ việc tiếp nhận', en: 'Cases reported' },
  'case.closed': { vi: 'Vụ việc kết thúc', en: 'Cases closed' },
  'member.joined': { vi: 'Kết nạp hội viên', en: 'Members joined' },
  'member.left': { vi: 'Hội viên ra khỏi hội', en: 'Members left' },
  'member.transferred': { vi: 'Chuyển sinh hoạt', en: 'Member transfers' },
  'card.activated': { vi: 'Kích hoạt thẻ hội viên', en: 'Member cards activated' },
  'group.moderated': { vi: 'Quản trị nhóm trực tuyến', en: 'Online group moderation' },
  'comms.published': { vi: 'Sản phẩm truyền thông', en: 'Communication items' },
  'report.submitted': { vi: 'Báo cáo gửi lên', en: 'Reports submitted' },
  'registry.snapshot': { vi: 'Ảnh chụp sổ hội viên', en: 'Registry snapshots' },
  'contest.entry_submitted': { vi: 'Bài dự thi nộp', en: 'Contest entries submitted' },
  'contest.entry_scored': { vi: 'Bài dự thi được chấm', en: 'Contest entries scored' },
  'contest.entry_promoted': { vi: 'Bài dự thi được chọn lên cấp trên', en: 'Contest entries promoted' },
  'contest.entry_awarded': { vi: 'Bài dự thi đạt giải', en: 'Contest entries awarded' },
};

const NONE: Localized = { vi: '(không có)', en: '(none)' };

/** An event type's name. */
export function typeLabel(type: string, language: Language): string {
  return TYPES[type]?.[language] ?? type;
}

/**
 * A dimension value as a person reads it; unit keys by `names` when known.
 *
 * @example valueLabel(quarterDim, '2025-Q4', 'vi', new Map()) // 'Quý 4/2025'
 */
export function valueLabel(
  dim: Dimension,
  value: string | null,
  language: Language,
  names: ReadonlyMap<string, string>,
): string {
  if (value === null) return NONE[language];
  switch (dim.kind) {
    case 'month':
      return monthLabel(value);
    case 'quarter':
      return language === 'vi'
        ? `Quý ${value.slice(6)}/${value.slice(0, 4)}`
        : `Q${value.slice(6)} ${value.slice(0, 4)}`;
    case 'year':
      return value;
    case 'unit':
      return names.get(value) ?? value;
    case 'type':
      return typeLabel(value, language);
    case 'boolean':
      return value === 'true' ? (language === 'vi' ? 'Có' : 'Yes') : language === 'vi' ? 'Không' : 'No';
    case 'code':
      return CODES[value]?.[language] ?? value;
  }
}

/** A combination of values, joined with ' · '. */
export function keyLabel(
  dims: readonly Dimension[],
  key: PivotKey,
  language: Language,
  names: ReadonlyMap<string, string>,
): string {
  return key.map((v, i) => valueLabel(dims[i]!, v, language, names)).join(' · ');
}

/** A leaf column's header: its values and, with several measures, the measure. */
export function columnLabel(
  column: PivotColumn,
  colDims: readonly Dimension[],
  measureCount: number,
  language: Language,
  names: ReadonlyMap<string, string>,
): string {
  const parts = colDims.length === 0 ? [] : [keyLabel(colDims, column.key, language, names)];
  if (measureCount > 1 || parts.length === 0) parts.push(column.measure.label[language]);
  return parts.join(' · ');
}

/**
 * A figure in the Vietnamese format: counts and sums as integers, rates as percentages; '' for none.
 *
 * @example figure(1234, countMeasure) // '1.234'
 */
export function figure(value: number | null, measure: Measure): string {
  if (value === null) return '';
  return measure.kind === 'rate' ? percent(value) : count(value);
}
