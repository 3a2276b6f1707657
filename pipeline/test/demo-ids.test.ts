import { describe, expect, it } from 'vitest';
import { hashString } from '../src/demo/random.js';
import { memberKey } from '../src/demo/ids.js';

const seed = hashString('vwu-demo:2025');

describe('memberKey', () => {
  it('never gives two members the same key (100,000 members over 500 branches, and their twins)', () => {
    const seen = new Set<string>();
    for (let serial = 0; serial < 500; serial++) {
      for (let index = 0; index < 100; index++) {
        seen.add(memberKey(seed, serial, index));
        seen.add(memberKey(seed, serial, index, 'twin'));
      }
    }
    expect(seen.size).toBe(100_000);
  });

  it('keeps keys apart at the extremes of branch and index (national scale has ~100,000 branches)', () => {
    const keys = [
      memberKey(seed, 0, 0),
      memberKey(seed, 0, 0xffffffff),
      memberKey(seed, 0x3fffffff, 0),
      memberKey(seed, 0x3fffffff, 0xffffffff),
      memberKey(seed, 0x3fffffff, 0xffffffff, 'twin'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("is 'm' and 13 base32 characters, and depends on the demo seed", () => {
    const key = memberKey(seed, 12, 34);
    expect(key).toMatch(/^m[0-9A-HJKMNP-TV-Z]{13}$/);
    expect(memberKey(hashString('vwu-demo:7'), 12, 34)).not.toBe(key);
    expect(memberKey(seed, 12, 34)).toBe(key);
  });

  it('reveals neither branch nor index: neighbouring members share no prefix', () => {
    const a = memberKey(seed, 5, 100);
    const b = memberKey(seed, 5, 101);
    expect(a.slice(0, 4)).not.toBe(b.slice(0, 4));
  });

  it('refuses a branch or index outside the 64-bit space with a clear error', () => {
    expect(() => memberKey(seed, -1, 0)).toThrow(/member key out of range: branch -1/);
    expect(() => memberKey(seed, 0x40000000, 0)).toThrow(RangeError);
  });
});
