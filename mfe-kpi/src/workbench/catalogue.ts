/**
 * What an analyst can slice by and count: the workbench's dimensions and measures. Every identifier the
 * query builder writes into SQL comes from here (an allow-list); what a person types only ever reaches SQL
 * as a bound parameter.
 */
import type { Localized } from '@vwu/context';
import type { EventType } from '../engine/tables.js';

/** An attribute column the facts carry, with the SQL type its NULL takes in tables that lack it. */
export interface AttributeColumn {
  name: string;
  sqlType: 'VARCHAR' | 'BOOLEAN' | 'INTEGER';
  /** Event types whose table has the column. */
  types: readonly EventType[];
}

/** How a dimension's values are shown. */
export type ValueKind = 'month' | 'quarter' | 'year' | 'unit' | 'type' | 'boolean' | 'code';

/** A dimension: a column of the pivot's rows or columns, or a filter. */
export interface Dimension {
  id: string;
  label: Localized;
  /** SQL over the facts (identifiers only from this file), always VARCHAR. */
  expr: string;
  kind: ValueKind;
  /** The attribute column it reads, when it is not an envelope column. */
  column?: AttributeColumn;
}

/** How a measure's values are shown. */
export type MeasureKind = 'count' | 'sum' | 'rate';

/** A measure: one aggregate over the facts. */
export interface Measure {
  id: string;
  label: Localized;
  kind: MeasureKind;
  /** Aggregate SQL over the facts (constants only). */
  sql: string;
  /** Event types it reads (none: it counts over the view's chosen types). */
  types: readonly EventType[];
  /** Attribute columns it reads. */
  columns: readonly string[];
}

const C = (name: string, sqlType: AttributeColumn['sqlType'], ...types: EventType[]): AttributeColumn => ({
  name,
  sqlType,
  types,
});

/** Attribute columns the facts may carry. */
export const COLUMNS: Readonly<Record<string, AttributeColumn>> = {
  channel: C('channel', 'VARCHAR', 'post.published', 'case.reported'),
  purpose: C('purpose', 'VARCHAR', 'post.published'),
  format: C('format', 'VARCHAR', 'meeting.held'),
  attendees: C('attendees', 'INTEGER', 'meeting.held'),
  minority_attendees: C('minority_attendees', 'INTEGER', 'meeting.held'),
  topic: C('topic', 'VARCHAR', 'training.held'),
  audience: C('audience', 'VARCHAR', 'training.held'),
  participants: C('participants', 'INTEGER', 'training.held'),
  minority_participants: C('minority_participants', 'INTEGER', 'training.held'),
  secret: C('secret', 'BOOLEAN', 'document.received', 'document.issued'),
  processing: C('processing', 'VARCHAR', 'document.received'),
  digitally_signed: C('digitally_signed', 'BOOLEAN', 'document.issued'),
  electronic: C('electronic', 'BOOLEAN', 'document.issued'),
  category: C('category', 'VARCHAR', 'case.reported'),
  outcome: C('outcome', 'VARCHAR', 'case.closed'),
  member_key: C(
    'member_key',
    'VARCHAR',
    'member.joined',
    'member.left',
    'member.transferred',
    'card.activated',
  ),
  minority: C('minority', 'BOOLEAN', 'member.joined'),
  age_band: C('age_band', 'VARCHAR', 'member.joined'),
  via: C('via', 'VARCHAR', 'member.joined'),
  kind: C('kind', 'VARCHAR', 'comms.published'),
  action: C('action', 'VARCHAR', 'group.moderated'),
};

const attr = (id: string, vi: string, en: string, kind: ValueKind = 'code'): Dimension => ({
  id,
  label: { vi, en },
  expr: `CAST("${id}" AS VARCHAR)`,
  kind,
  column: COLUMNS[id]!,
});

/** Dimensions, in the order the pickers list them. */
export const DIMENSIONS: readonly Dimension[] = [
  { id: 'month', label: { vi: 'Tháng', en: 'Month' }, expr: 'month', kind: 'month' },
  {
    id: 'quarter',
    label: { vi: 'Quý', en: 'Quarter' },
    expr: "substr(month, 1, 4) || '-Q' || CAST((CAST(substr(month, 6, 2) AS INTEGER) + 2) // 3 AS VARCHAR)",
    kind: 'quarter',
  },
  { id: 'year', label: { vi: 'Năm', en: 'Year' }, expr: 'substr(month, 1, 4)', kind: 'year' },
  {
    id: 'province',
    label: { vi: 'Tỉnh, thành phố', en: 'Province' },
    expr: 'current_province',
    kind: 'unit',
  },
  { id: 'commune', label: { vi: 'Xã, phường', en: 'Commune' }, expr: 'current_commune', kind: 'unit' },
  {
    id: 'unit',
    label: { vi: 'Đơn vị ghi nhận (chi hội…)', en: 'Recording unit (branch…)' },
    expr: 'current_unit',
    kind: 'unit',
  },
  { id: 'type', label: { vi: 'Loại hoạt động', en: 'Event type' }, expr: 'event_type', kind: 'type' },
  attr('channel', 'Kênh', 'Channel'),
  attr('purpose', 'Mục đích tin bài', 'Post purpose'),
  attr('format', 'Hình thức sinh hoạt', 'Meeting format'),
  attr('topic', 'Chủ đề tập huấn', 'Training topic'),
  attr('audience', 'Đối tượng tập huấn', 'Training audience'),
  attr('processing', 'Cách xử lý văn bản đến', 'Incoming document processing'),
  attr('minority', 'Dân tộc thiểu số (hội viên mới)', 'Ethnic minority (new members)', 'boolean'),
  attr('age_band', 'Nhóm tuổi', 'Age band'),
  attr('via', 'Kết nạp qua', 'Joined via'),
  attr('category', 'Loại vụ việc', 'Case category'),
  attr('outcome', 'Kết quả vụ việc', 'Case outcome'),
  attr('kind', 'Loại truyền thông', 'Communication kind'),
  attr('action', 'Thao tác nhóm trực tuyến', 'Online group action'),
];

const of = (type: EventType) => `event_type = '${type}'`;
const M = (
  id: string,
  vi: string,
  en: string,
  kind: MeasureKind,
  sql: string,
  types: EventType[],
  columns: string[] = [],
): Measure => ({ id, label: { vi, en }, kind, sql, types, columns });

/** Measures, in the order the pickers list them. */
export const MEASURES: readonly Measure[] = [
  M('events', 'Số sự kiện', 'Events', 'count', 'count(*)', []),
  M('units', 'Số đơn vị có hoạt động', 'Active units', 'count', 'count(DISTINCT current_unit)', []),
  M(
    'communes',
    'Số xã, phường có hoạt động',
    'Active communes',
    'count',
    'count(DISTINCT current_commune)',
    [],
  ),
  M('meetings', 'Số buổi sinh hoạt', 'Meetings', 'count', `count(*) FILTER (WHERE ${of('meeting.held')})`, [
    'meeting.held',
  ]),
  M('attendees', 'Lượt tham dự', 'Attendances', 'sum', 'sum(attendees)', ['meeting.held'], ['attendees']),
  M(
    'minority_attendees',
    'Lượt tham dự DTTS',
    'Ethnic-minority attendances',
    'sum',
    'sum(minority_attendees)',
    ['meeting.held'],
    ['minority_attendees'],
  ),
  M(
    'minority_attendance_rate',
    'Tỷ lệ tham dự DTTS',
    'Ethnic-minority attendance share',
    'rate',
    'sum(minority_attendees) / nullif(sum(attendees), 0)',
    ['meeting.held'],
    ['attendees', 'minority_attendees'],
  ),
  M(
    'it_meeting_rate',
    'Tỷ lệ sinh hoạt ứng dụng CNTT',
    'Meetings using IT',
    'rate',
    `count(*) FILTER (WHERE format IN ('online', 'hybrid')) / nullif(count(*) FILTER (WHERE ${of('meeting.held')}), 0)`,
    ['meeting.held'],
    ['format'],
  ),
  M('posts', 'Số tin, bài', 'Posts', 'count', `count(*) FILTER (WHERE ${of('post.published')})`, [
    'post.published',
  ]),
  M(
    'trainings',
    'Số lớp tập huấn',
    'Training sessions',
    'count',
    `count(*) FILTER (WHERE ${of('training.held')})`,
    ['training.held'],
  ),
  M(
    'participants',
    'Lượt học viên',
    'Participants',
    'sum',
    'sum(participants)',
    ['training.held'],
    ['participants'],
  ),
  M(
    'minority_participant_rate',
    'Tỷ lệ học viên DTTS',
    'Ethnic-minority participant share',
    'rate',
    'sum(minority_participants) / nullif(sum(participants), 0)',
    ['training.held'],
    ['participants', 'minority_participants'],
  ),
  M(
    'docs_received',
    'Văn bản đến (không mật)',
    'Incoming documents (non-secret)',
    'count',
    `count(*) FILTER (WHERE ${of('document.received')} AND NOT secret)`,
    ['document.received'],
    ['secret'],
  ),
  M(
    'docs_online_rate',
    'Tỷ lệ văn bản đến xử lý trên mạng',
    'Incoming documents processed online',
    'rate',
    `count(*) FILTER (WHERE ${of('document.received')} AND NOT secret AND processing = 'online') / nullif(count(*) FILTER (WHERE ${of('document.received')} AND NOT secret), 0)`,
    ['document.received'],
    ['secret', 'processing'],
  ),
  M(
    'docs_issued',
    'Văn bản đi (không mật)',
    'Outgoing documents (non-secret)',
    'count',
    `count(*) FILTER (WHERE ${of('document.issued')} AND NOT secret)`,
    ['document.issued'],
    ['secret'],
  ),
  M(
    'docs_signed_rate',
    'Tỷ lệ văn bản đi ký số, gửi điện tử',
    'Outgoing documents signed and sent electronically',
    'rate',
    `count(*) FILTER (WHERE ${of('document.issued')} AND NOT secret AND digitally_signed AND electronic) / nullif(count(*) FILTER (WHERE ${of('document.issued')} AND NOT secret), 0)`,
    ['document.issued'],
    ['secret', 'digitally_signed', 'electronic'],
  ),
  M(
    'members_joined',
    'Hội viên mới kết nạp',
    'Members joined',
    'count',
    `count(DISTINCT member_key) FILTER (WHERE ${of('member.joined')})`,
    ['member.joined'],
    ['member_key'],
  ),
  M(
    'members_distinct',
    'Số hội viên khác nhau',
    'Distinct members',
    'count',
    'count(DISTINCT member_key)',
    ['member.joined'],
    ['member_key'],
  ),
  M(
    'cards_activated',
    'Hội viên kích hoạt thẻ',
    'Members who activated a card',
    'count',
    `count(DISTINCT member_key) FILTER (WHERE ${of('card.activated')})`,
    ['card.activated'],
    ['member_key'],
  ),
  M(
    'cases_reported',
    'Vụ việc tiếp nhận',
    'Cases reported',
    'count',
    `count(*) FILTER (WHERE ${of('case.reported')})`,
    ['case.reported'],
  ),
  M(
    'cases_closed',
    'Vụ việc đã xử lý',
    'Cases closed',
    'count',
    `count(*) FILTER (WHERE ${of('case.closed')})`,
    ['case.closed'],
  ),
];

/** A dimension by id; undefined for an unknown one. */
export function dimensionOf(id: string): Dimension | undefined {
  return DIMENSIONS.find((d) => d.id === id);
}

/** A measure by id; undefined for an unknown one. */
export function measureOf(id: string): Measure | undefined {
  return MEASURES.find((m) => m.id === id);
}
