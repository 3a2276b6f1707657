/**
 * Comparator ordering items by a code string (plain code-unit order, as the statistics office codes sort).
 *
 * @example [...communes].sort(byCode((c) => c.level3_id))
 */
export function byCode<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
