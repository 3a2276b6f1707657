/** What the list knows when it lays out its window of rows. */
export interface WindowInput {
  /** Rows in the whole list. */
  total: number;
  /** Height of one row (px). */
  rowHeight: number;
  /** Height of the visible area (px). */
  viewport: number;
  /** Current scroll position of the scroll container (px). */
  scrollTop: number;
  /** Rows drawn above and below the visible ones, so a fast scroll shows no blank. */
  overscan: number;
  /** Tallest spacer the browser handles well (px); longer lists scroll proportionally. */
  maxHeight: number;
}

/** Which rows to draw, and where. */
export interface WindowLayout {
  /** Height of the spacer that gives the scroll bar its length (px). */
  height: number;
  /** First and one-past-last row index to draw. */
  start: number;
  end: number;
  /** Top of the first drawn row, in the scroll container's coordinates (px). */
  offset: number;
}

/**
 * Lays out a virtual list: only the visible rows (plus `overscan`) are in the DOM. Browsers cap element
 * heights (about 33 million px in Chromium), so a list taller than `maxHeight` gets a spacer of `maxHeight`
 * and its scroll position is mapped proportionally onto the rows: a million rows still scroll end to end.
 *
 * @example
 * layoutWindow({ total: 100_000, rowHeight: 40, viewport: 600, scrollTop: 4000, overscan: 5, maxHeight: 1e7 })
 * // { height: 4_000_000, start: 95, end: 120, offset: 3800 }
 */
export function layoutWindow(input: WindowInput): WindowLayout {
  const { total, rowHeight, viewport, overscan } = input;
  const real = total * rowHeight;
  const height = Math.min(real, input.maxHeight);
  const scrollTop = Math.max(0, Math.min(input.scrollTop, Math.max(0, height - viewport)));
  const realMax = Math.max(0, real - viewport);
  const virtualMax = Math.max(0, height - viewport);
  const position = virtualMax === 0 ? 0 : scrollTop * (realMax / virtualMax);
  const first = Math.min(Math.floor(position / rowHeight), Math.max(0, total - 1));
  const within = position - first * rowHeight;
  const visible = Math.ceil((viewport + within) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, first + visible + overscan);
  return { height, start, end, offset: scrollTop - within - (first - start) * rowHeight };
}

/**
 * The scroll position that brings row `index` into view (the least movement from `scrollTop`).
 *
 * @example scrollToShow({ total: 100, rowHeight: 40, viewport: 400, maxHeight: 1e7 }, 50, 0) // 1640
 */
export function scrollToShow(
  input: Pick<WindowInput, 'total' | 'rowHeight' | 'viewport' | 'maxHeight'>,
  index: number,
  scrollTop: number,
): number {
  const { total, rowHeight, viewport } = input;
  const real = total * rowHeight;
  const height = Math.min(real, input.maxHeight);
  const realMax = Math.max(0, real - viewport);
  const virtualMax = Math.max(0, height - viewport);
  const ratio = realMax === 0 ? 1 : virtualMax / realMax;
  const position = scrollTop / (ratio === 0 ? 1 : ratio);
  const top = index * rowHeight;
  let next = position;
  if (top < position) next = top;
  else if (top + rowHeight > position + viewport) next = top + rowHeight - viewport;
  return Math.round(Math.max(0, Math.min(next * ratio, virtualMax)));
}
