import type { ResolveRule } from './types.js';

const RULES: Record<ResolveRule, Record<'vi' | 'en', string>> = {
  identity: {
    vi: 'Số liệu được giữ nguyên vì đơn vị thuộc cơ cấu hành chính đang áp dụng tại thời điểm xem.',
    en: 'The figure is shown unchanged because the unit belongs to the structure in force at the chosen date.',
  },
  whole: {
    vi: 'Toàn bộ số liệu của đơn vị cũ được chuyển sang đơn vị mới duy nhất tiếp nhận đơn vị đó.',
    en: 'The whole figure of the old unit is carried to the single new unit that took it over.',
  },
  'split-equal': {
    vi:
      'Số liệu của xã cũ bị chia cho nhiều xã mới được chia đều cho các xã mới nhận một phần địa bàn ' +
      '(số liệu của huyện cũ được phân bổ qua các xã của huyện), nên chỉ là ước tính; ' +
      'chỉ số liệu ghi theo chi hội mới chuyển chính xác.',
    en:
      'The figure of an old commune that was divided is shared equally among the new communes that received ' +
      "part of it (an old district's figure is spread through its communes), so it is an estimate; " +
      'only figures recorded per branch move exactly.',
  },
};

/**
 * One sentence telling the reader of a re-mapped figure how it was carried to the current units.
 *
 * @example describeRule('whole', 'en') // 'The whole figure of the old unit is carried to …'
 */
export function describeRule(rule: ResolveRule, lang: 'vi' | 'en'): string {
  return RULES[rule][lang];
}
