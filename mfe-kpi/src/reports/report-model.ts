/**
 * The periodic report a unit sends up the hierarchy (seeds 003/004: every 6 months and every year, the
 * results of the plan against each target, by unit below), as one document model that the XLSX and the
 * PDF writers both lay out: a title block, part I (each target: result, counts, target value, status, the
 * period before) and part II (each unit below × each target it is ranked by). Figures come from the same
 * computation as the dashboard ({@link KpiResult}); shares stay numbers so a spreadsheet can reckon with them.
 */
import { fill, formatDate, periodOf, type Language, type Period } from '@vwu/context';
import { foldVietnamese } from '@vwu/contracts';
import { count, monthLabel, percent } from '../format.js';
import type { KpiResult } from '../kpi/compute.js';
import { LIGHT_TEXT } from '../views/lights.js';
import { REPORT_TEXT } from './report-text.js';

/** Which report: the first half-year, or the whole year. */
export type ReportKind = 'half' | 'year';

/** A cell: text, a share (0–1, shown as a percentage) or a count. */
export type ReportCell = string | { share: number | null } | { count: number };

/**
 * A cell as a page shows it (Vietnamese number formats).
 *
 * @example cellText({ share: 0.4523 }) // '45,2%'
 */
export function cellText(cell: ReportCell): string {
  if (typeof cell === 'string') return cell;
  if ('share' in cell) return percent(cell.share);
  return count(cell.count);
}

/** A table of the report. */
export interface ReportSection {
  heading: string;
  header: string[];
  rows: ReportCell[][];
  /** Relative column widths. */
  widths: number[];
}

/** The report, ready to lay out. */
export interface ReportDocument {
  /** File name without extension, ASCII. */
  fileName: string;
  title: string;
  /** From, to, period lines under the title. */
  lines: string[];
  sections: ReportSection[];
  footnote: string;
}

/** What a report is made of. */
export interface ReportInput {
  kind: ReportKind;
  year: number;
  unit: { key: string; name: string };
  /** The unit the report goes to (the parent), when there is one. */
  recipient: string | null;
  results: readonly KpiResult[];
  language: Language;
  /** The day it is prepared, 'YYYY-MM-DD'. */
  today: string;
}

/**
 * The months a report covers: January–June, or the year.
 *
 * @example reportPeriod('half', 2026) // { grain: 'half', from: '2026-01-01', to: '2026-06-30' }
 */
export function reportPeriod(kind: ReportKind, year: number): Period {
  return periodOf(kind, year, 1);
}

function slug(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Part I: one row per target. */
function targetsSection(input: ReportInput): ReportSection {
  const t = (text: (typeof REPORT_TEXT)[keyof typeof REPORT_TEXT]) => fill(text, input.language);
  const withPrevious = input.kind === 'half';
  return {
    heading: t(REPORT_TEXT.partA),
    header: [
      t(REPORT_TEXT.no),
      t(REPORT_TEXT.target),
      t(REPORT_TEXT.result),
      t(REPORT_TEXT.counts),
      t(REPORT_TEXT.assigned),
      t(REPORT_TEXT.status),
      ...(withPrevious ? [t(REPORT_TEXT.previous)] : []),
    ],
    rows: input.results.map((r, i) => [
      String(i + 1),
      fill(r.definition.title, input.language),
      { share: r.value },
      fill(r.definition.counts, input.language, { num: count(r.num), den: count(r.den) }),
      r.target === undefined ? '—' : { share: r.target },
      fill(LIGHT_TEXT[r.light], input.language),
      ...(withPrevious ? [{ share: r.previous?.value ?? null }] : []),
    ]),
    widths: [4, 40, 9, 26, 9, 11, ...(withPrevious ? [9] : [])],
  };
}

/** Part II: one row per unit below, one column per target that ranks them. */
function unitsSection(input: ReportInput): ReportSection {
  const ranked = input.results.filter((r) => r.ranking !== null);
  const units = new Map<string, string>();
  for (const r of ranked) for (const u of r.ranking ?? []) units.set(u.key, u.name);
  const names = [...units].sort(([, a], [, b]) => a.localeCompare(b, 'vi', { numeric: true }));
  const rows = names.map(([key, name], i): ReportCell[] => {
    const figures = ranked.map((r) => r.ranking!.find((u) => u.key === key));
    const met = figures.filter((f) => f?.light === 'met').length;
    // Out of the targets that could be judged: with a target value and with data.
    const judged = figures.filter(
      (f) => f !== undefined && ['met', 'near', 'missed'].includes(f.light),
    ).length;
    return [
      String(i + 1),
      name,
      ...figures.map((f) => ({ share: f?.value ?? null })),
      `${count(met)}/${count(judged)}`,
    ];
  });
  return {
    heading: fill(REPORT_TEXT.partB, input.language),
    header: [
      fill(REPORT_TEXT.no, input.language),
      fill(REPORT_TEXT.unit, input.language),
      ...ranked.map((r) => fill(r.definition.title, input.language)),
      fill(REPORT_TEXT.met, input.language),
    ],
    rows,
    widths: [4, 22, ...ranked.map(() => 14), 8],
  };
}

/**
 * The report document of a unit for a half-year or a year.
 *
 * @example buildReport({ kind: 'half', year: 2026, unit, recipient: 'Trung ương Hội', results, language: 'vi', today: '2026-07-05' })
 */
export function buildReport(input: ReportInput): ReportDocument {
  const { language } = input;
  const period = reportPeriod(input.kind, input.year);
  const when = fill(input.kind === 'half' ? REPORT_TEXT.periodHalf : REPORT_TEXT.periodYear, language, {
    year: String(input.year),
  });
  return {
    fileName: `bao-cao-${input.kind === 'half' ? '6-thang' : 'nam'}-${input.year}-${slug(input.unit.name)}`,
    title: fill(REPORT_TEXT.title, language, { period: when }),
    lines: [
      fill(REPORT_TEXT.from, language, { unit: input.unit.name }),
      ...(input.recipient === null ? [] : [fill(REPORT_TEXT.to, language, { unit: input.recipient })]),
      fill(REPORT_TEXT.covers, language, {
        from: monthLabel(period.from.slice(0, 7)),
        to: monthLabel(period.to.slice(0, 7)),
        date: formatDate(input.today),
      }),
    ],
    sections: [targetsSection(input), unitsSection(input)],
    footnote: fill(REPORT_TEXT.source, language),
  };
}
