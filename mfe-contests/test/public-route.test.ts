import { describe, expect, it } from 'vitest';
import { publicBallotOf } from '../src/public-route.js';

describe('publicBallotOf', () => {
  it.each([
    ['/binh-chon/12', { kind: 'ballot', contestId: 12 }],
    ['/binh-chon/12/', { kind: 'ballot', contestId: 12 }],
    ['/binh-chon', { kind: 'bad-link' }],
    ['/binh-chon/', { kind: 'bad-link' }],
    ['/binh-chon/0', { kind: 'bad-link' }],
    ['/binh-chon/abc', { kind: 'bad-link' }],
    ['/binh-chon/12/x', { kind: 'bad-link' }],
    ['/binh-chon-khac/12', { kind: 'console' }],
    ['/contests', { kind: 'console' }],
  ])('%s → %o', (path, expected) => {
    expect(publicBallotOf(path)).toEqual(expected);
  });
});
