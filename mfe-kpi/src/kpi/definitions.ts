/**
 * The targets the first dashboard measures (DOMAIN.md, seeds 001/003/004), each as SQL over one event
 * table. The SQL here is constant text — which table, which rows, what to count; every value (unit,
 * months) is bound as a parameter by queries.ts. Target VALUES are data (targets.ts), not part of these.
 */
import type { Localized, UnitLevel } from '@vwu/context';
import type { EventType } from '../engine/tables.js';

/** Identifier of a dashboard target. */
export type KpiId =
  'docs-online' | 'docs-signed' | 'posts-communes' | 'training-minority' | 'meetings-digital';

/**
 * How a target's figure is counted.
 * - `ratio`: numerator / denominator over the rows (e.g. documents processed online / documents).
 * - `unit-months`: share of (commune × month) pairs with at least one matching row; the denominator is the
 *   number of communes in scope × months, known from the unit hierarchy, not from the events.
 */
export type KpiMeasure =
  | { kind: 'ratio'; numerator: string; denominator: string }
  | { kind: 'unit-months'; column: 'current_commune' };

/** One target. */
export interface KpiDefinition {
  id: KpiId;
  title: Localized;
  /** What the numerator and denominator count, for detail lines ('{num} / {den} văn bản'). */
  counts: Localized;
  eventType: EventType;
  /** Which rows count at all (constant SQL over the type's columns). */
  where: string;
  measure: KpiMeasure;
  /** Further sums shown with the figure (name → SQL aggregate). */
  extras: Readonly<Record<string, string>>;
  /**
   * The level a target value is read at: `selected` = the level of the unit looked at (its own figure
   * covers its subtree); a level = always that level (posts are counted per commune).
   */
  targetLevel: 'selected' | UnitLevel;
  /** Levels of the selected unit at which the units below it are ranked. */
  rankedFrom: readonly UnitLevel[];
}

/** The dashboard's targets, in display order. */
export const KPIS: readonly KpiDefinition[] = [
  {
    id: 'docs-online',
    title: { vi: 'Văn bản đến được xử lý trên môi trường mạng', en: 'Incoming documents processed online' },
    counts: {
      vi: '{num} / {den} văn bản đến (không mật)',
      en: '{num} / {den} incoming documents (non-secret)',
    },
    eventType: 'document.received',
    where: 'NOT secret',
    measure: {
      kind: 'ratio',
      numerator: "count(*) FILTER (WHERE processing = 'online')",
      denominator: 'count(*)',
    },
    extras: {},
    targetLevel: 'selected',
    rankedFrom: ['central', 'province', 'commune'],
  },
  {
    id: 'docs-signed',
    title: {
      vi: 'Văn bản đi được ký số và phát hành điện tử',
      en: 'Outgoing documents signed digitally and sent electronically',
    },
    counts: {
      vi: '{num} / {den} văn bản đi (không mật)',
      en: '{num} / {den} outgoing documents (non-secret)',
    },
    eventType: 'document.issued',
    where: 'NOT secret',
    measure: {
      kind: 'ratio',
      numerator: 'count(*) FILTER (WHERE digitally_signed AND electronic)',
      denominator: 'count(*)',
    },
    extras: {},
    targetLevel: 'selected',
    rankedFrom: ['central', 'province', 'commune'],
  },
  {
    id: 'posts-communes',
    title: {
      vi: 'Cơ sở có tin, bài tuyên truyền trên website/fanpage hằng tháng',
      en: 'Communes posting propaganda on their website/fanpage each month',
    },
    counts: { vi: '{num} / {den} lượt xã, phường × tháng', en: '{num} / {den} commune-months' },
    eventType: 'post.published',
    where: "purpose = 'propaganda' AND channel IN ('website', 'fanpage') AND current_commune IS NOT NULL",
    measure: { kind: 'unit-months', column: 'current_commune' },
    extras: { posts: 'count(*)' },
    targetLevel: 'commune',
    rankedFrom: ['province'],
  },
  {
    id: 'training-minority',
    title: {
      vi: 'Hội viên được tập huấn kỹ năng số — tỷ lệ người dân tộc thiểu số',
      en: 'Members trained in digital skills — ethnic-minority share',
    },
    counts: {
      vi: '{num} người DTTS / {den} lượt hội viên',
      en: '{num} ethnic-minority / {den} members trained',
    },
    eventType: 'training.held',
    where: "topic = 'digital_skills' AND audience IN ('members', 'mixed')",
    measure: { kind: 'ratio', numerator: 'sum(minority_participants)', denominator: 'sum(participants)' },
    extras: { sessions: 'count(*)' },
    targetLevel: 'selected',
    rankedFrom: ['central', 'province', 'commune'],
  },
  {
    id: 'meetings-digital',
    title: {
      vi: 'Sinh hoạt hội ứng dụng công nghệ thông tin (trực tuyến, kết hợp)',
      en: 'Member meetings using IT (online or hybrid)',
    },
    counts: { vi: '{num} / {den} buổi sinh hoạt', en: '{num} / {den} member meetings' },
    eventType: 'meeting.held',
    where: 'TRUE',
    measure: {
      kind: 'ratio',
      numerator: "count(*) FILTER (WHERE format IN ('online', 'hybrid'))",
      denominator: 'count(*)',
    },
    extras: { attendees: 'sum(attendees)', minority: 'sum(minority_attendees)' },
    targetLevel: 'selected',
    rankedFrom: ['central', 'province', 'commune'],
  },
];

/** The definition of a target. @throws RangeError for an unknown id. */
export function kpiById(id: KpiId): KpiDefinition {
  const found = KPIS.find((k) => k.id === id);
  if (found === undefined) throw new RangeError(`unknown target "${id}"`);
  return found;
}

/** Event types the dashboard reads (the partitions it fetches). */
export function dashboardTypes(kpis: readonly KpiDefinition[] = KPIS): EventType[] {
  return [...new Set(kpis.map((k) => k.eventType))];
}
