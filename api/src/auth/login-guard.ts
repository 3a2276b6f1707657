import type { Clock } from '../context.js';

/** Settings of a {@link LoginGuard}. */
export interface LoginGuardOptions {
  /** Attempts per minute for one username (any outcome). */
  perUserPerMinute: number;
  /** Failures in a row that lock a name. */
  maxFailures: number;
  lockoutS: number;
  clock: Clock;
  /** Most names remembered; the oldest are forgotten first (default 10,000). */
  maxEntries?: number;
}

interface Window {
  start: number;
  count: number;
}

interface Phantom {
  failures: number;
  lockedUntil: number;
}

const MINUTE_MS = 60_000;

/** A Map that forgets its oldest entries beyond a size, so that a flood of names cannot exhaust memory. */
class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: string, value: V): this {
    this.delete(key);
    super.set(key, value);
    for (const oldest of this.keys()) {
      if (this.size <= this.limit) break;
      this.delete(oldest);
    }
    return this;
  }
}

/**
 * In-memory guards of the sign-in route, per username: an attempt limit per minute, and lockouts for names
 * that have no account ("phantom" lockouts), so that an unknown name is locked after the same number of
 * failures as a real one and the answers do not reveal which names exist. Real accounts lock in the
 * database (`app_user.locked_until`).
 */
export class LoginGuard {
  private readonly windows: BoundedMap<Window>;
  private readonly phantoms: BoundedMap<Phantom>;

  /** @param options limits and the clock. */
  constructor(private readonly options: LoginGuardOptions) {
    this.windows = new BoundedMap(options.maxEntries ?? 10_000);
    this.phantoms = new BoundedMap(options.maxEntries ?? 10_000);
  }

  /**
   * Counts one attempt for `key`.
   *
   * @returns seconds to wait when the limit is exceeded, else `undefined`.
   */
  attempt(key: string): number | undefined {
    const now = this.options.clock();
    const window = this.windows.get(key);
    if (window === undefined || now - window.start >= MINUTE_MS) {
      this.windows.set(key, { start: now, count: 1 });
      return undefined;
    }
    window.count += 1;
    if (window.count <= this.options.perUserPerMinute) return undefined;
    return Math.max(1, Math.ceil((window.start + MINUTE_MS - now) / 1000));
  }

  /** When a name without an account is locked until, or `null`. */
  phantomLockedUntil(username: string): Date | null {
    const phantom = this.phantoms.get(username);
    return phantom !== undefined && phantom.lockedUntil > this.options.clock()
      ? new Date(phantom.lockedUntil)
      : null;
  }

  /**
   * Counts a failure for a name without an account.
   *
   * @returns the unlock time when this failure locked the name, else `null`.
   */
  phantomFailure(username: string): Date | null {
    const now = this.options.clock();
    const phantom = this.phantoms.get(username) ?? { failures: 0, lockedUntil: 0 };
    phantom.failures += 1;
    if (phantom.failures >= this.options.maxFailures) {
      phantom.failures = 0;
      phantom.lockedUntil = now + this.options.lockoutS * 1000;
      this.phantoms.set(username, phantom);
      return new Date(phantom.lockedUntil);
    }
    this.phantoms.set(username, phantom);
    return null;
  }
}
