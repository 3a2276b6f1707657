import { describe, expect, it } from 'vitest';
import { termsQuery, wordsPattern } from '../src/members/member-search.js';

describe('member search terms', () => {
  it.each([
    [['hoa'], '', 'any', "('^hoa':* | '|hoa':*)"],
    [['nguyen', 'hoa'], '2025:80', 'first', "'2025:80^nguyen' & '2025:80|hoa':*"],
    [['nguyen', 'thi', 'lan'], '2025:80', 'later', "'2025:80|nguyen' & '2025:80|lan':*"],
    [['lo', 'thi'], '2025:25459', 'any', "('2025:25459^lo' | '2025:25459|lo') & '2025:25459|thi':*"],
    [['thi', 'lan'], '', 'first', "'^thi' & '|lan':*"],
  ] as const)('%j in %s (%s) → %s', (tokens, prefix, first, expected) => {
    expect(termsQuery(tokens, prefix, first)).toBe(expected);
  });

  it.each([
    [['nguyen', 'hoa'], '% nguyen % hoa%'],
    [['100%'], '% 100\\%%'],
    [['a_b'], '% a\\_b%'],
  ])('pattern of %j is %s', (tokens, expected) => {
    expect(wordsPattern(tokens)).toBe(expected);
  });
});
