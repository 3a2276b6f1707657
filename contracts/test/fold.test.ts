import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '@vwu/contracts';

describe('foldVietnamese', () => {
  it.each([
    ['Nguyễn Thị Hoà', 'nguyen thi hoa'],
    ['Nguyễn Thị Hòa', 'nguyen thi hoa'],
    ['  ĐẶNG   thị Ánh ', 'dang thi anh'],
    ['Phường Ba Đình', 'phuong ba dinh'],
    ['Xã Ea H\u0027Leo', "xa ea h'leo"],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });
});
