import { describe, expect, it } from 'vitest';
import { layoutWindow, scrollToShow } from '../src/lib/virtual-window.js';

const base = { rowHeight: 40, viewport: 600, overscan: 5, maxHeight: 8_000_000 };

describe('virtual list window', () => {
  it.each([
    { name: 'top of 100k rows', total: 100_000, scrollTop: 0, start: 0, end: 20, height: 4_000_000 },
    { name: 'middle of 100k rows', total: 100_000, scrollTop: 4000, start: 95, end: 120, height: 4_000_000 },
    { name: 'part-way into a row', total: 100_000, scrollTop: 4020, start: 95, end: 121, height: 4_000_000 },
    {
      name: 'the end of 100k rows',
      total: 100_000,
      scrollTop: 3_999_400,
      start: 99_980,
      end: 100_000,
      height: 4_000_000,
    },
    { name: 'fewer rows than fit', total: 3, scrollTop: 0, start: 0, end: 3, height: 120 },
    { name: 'empty', total: 0, scrollTop: 0, start: 0, end: 0, height: 0 },
  ])('$name: rows [$start, $end), spacer $height px', ({ total, scrollTop, start, end, height }) => {
    const layout = layoutWindow({ ...base, total, scrollTop });
    expect(layout).toMatchObject({ start, end, height });
  });

  it('draws the first row exactly at the scroll position (no jump while scrolling)', () => {
    const layout = layoutWindow({ ...base, total: 100_000, scrollTop: 4020 });
    // Row 100 starts 20 px above the top of the view.
    expect(layout.offset + (100 - layout.start) * 40).toBe(4000);
  });

  it('a million rows scroll end to end inside the browser’s height limit', () => {
    const total = 1_000_000;
    const top = layoutWindow({ ...base, total, scrollTop: 0 });
    expect(top.height).toBe(8_000_000);
    const bottom = layoutWindow({ ...base, total, scrollTop: top.height - 600 });
    expect(bottom.end).toBe(total);
    expect(bottom.start).toBeGreaterThan(total - 30);
    const middle = layoutWindow({ ...base, total, scrollTop: (top.height - 600) / 2 });
    expect(Math.abs(middle.start - total / 2)).toBeLessThan(30);
  });

  it.each([
    { name: 'already visible', index: 5, scrollTop: 0, expected: 0 },
    { name: 'below: scroll just enough', index: 50, scrollTop: 0, expected: 1440 },
    { name: 'above: scroll up to it', index: 2, scrollTop: 400, expected: 80 },
  ])('scrollToShow $name', ({ index, scrollTop, expected }) => {
    expect(
      scrollToShow({ total: 100, rowHeight: 40, viewport: 600, maxHeight: 8_000_000 }, index, scrollTop),
    ).toBe(expected);
  });

  it('scrollToShow reaches the last of a million rows', () => {
    const input = { total: 1_000_000, rowHeight: 40, viewport: 600, maxHeight: 8_000_000 };
    const top = scrollToShow(input, 999_999, 0);
    const layout = layoutWindow({ ...input, overscan: 0, scrollTop: top });
    expect(layout.end).toBe(1_000_000);
  });
});
