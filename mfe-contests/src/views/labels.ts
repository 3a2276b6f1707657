// Labels built from the contest's data: stage names, levels, statuses, forwarding rules.
import { fill, formatNumber, type Language } from '@vwu/context';
import { TEXT } from '../messages.js';
import type { ForwardRule, StageStatus } from '../types.js';

/** 'Vòng 2' / 'Stage 2' for the 0-based stage index. */
export function stageName(index: number, lang: Language): string {
  return fill(TEXT.stage, lang, { n: String(index + 1) });
}

/** The level of a jury in words. */
export function levelName(level: 'commune' | 'province' | 'central', lang: Language): string {
  return fill(TEXT[`level_${level}`], lang);
}

/** A stage status in words. */
export function statusName(status: StageStatus, lang: Language): string {
  return fill(TEXT[`status_${status}`], lang);
}

/** A forwarding rule in words. */
export function forwardName(rule: ForwardRule, lang: Language): string {
  return rule.mode === 'top'
    ? fill(TEXT.forwardTop, lang, { n: String(rule.count) })
    : fill(TEXT.forwardThreshold, lang, { n: formatNumber(rule.minScore) });
}

/** A score with two decimals in the Vietnamese format; '—' without one. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : formatNumber(score, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
