/**
 * Deterministic randomness for the demo generator. Every stream is derived from the demo seed and a stable
 * label (a unit key, a month), so any slice of the output can be regenerated alone and byte-identically.
 */

/** 32-bit FNV-1a hash of a string. @example hashString('2025:00004') */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** A strong 32-bit integer finaliser (murmur3 fmix): spreads the bits of `x`. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit values into one well-mixed 32-bit value. */
export function combine(a: number, b: number): number {
  return mix32((a ^ Math.imul(b >>> 0, 0x9e3779b1)) + 0x7f4a7c15);
}

/** A hash of (`base`, `index`) as a float in [0, 1): cheap per-item randomness without a generator. */
export function unitFloat(base: number, index: number): number {
  return combine(base, index) / 4294967296;
}

/**
 * Small fast PRNG (sfc32) seeded from 32-bit values. Not for cryptography.
 *
 * @example const rng = new Rng(hashString('seed'), 7); rng.next();
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seedA: number, seedB = 0) {
    this.a = mix32(seedA ^ 0x9e3779b9);
    this.b = mix32(seedB ^ 0x243f6a88);
    this.c = mix32(seedA + seedB + 0xb7e15162);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick() needs a non-empty array');
    return item;
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A Poisson-distributed count with mean `lambda` (normal approximation above 30). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** A binomial count of successes in `n` trials of probability `p` (normal approximation for large n). */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    if (n > 40) {
      const mean = n * p;
      const sd = Math.sqrt(n * p * (1 - p));
      return Math.min(n, Math.max(0, Math.round(mean + sd * this.normal())));
    }
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }
}

/** Picks an index from cumulative weights (ascending, last = total) using a float in [0, 1). */
export function pickCumulative(cumulative: readonly number[], u: number): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = u * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Turns weights into cumulative sums for {@link pickCumulative}. */
export function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
