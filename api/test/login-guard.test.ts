// The in-memory sign-in guard: attempts per username per minute, and lockouts of names without an account.
import { describe, expect, it } from 'vitest';
import { LoginGuard } from '../src/index.js';

function guard(options: { perUserPerMinute?: number; maxEntries?: number } = {}) {
  let now = 0;
  const g = new LoginGuard({
    perUserPerMinute: options.perUserPerMinute ?? 2,
    maxFailures: 3,
    lockoutS: 60,
    clock: () => now,
    maxEntries: options.maxEntries ?? 100,
  });
  return { g, advance: (s: number) => void (now += s * 1000) };
}

describe('LoginGuard', () => {
  it('allows the per-minute number of attempts, then says how long to wait, then resets', () => {
    const { g, advance } = guard();
    expect([g.attempt('a'), g.attempt('a'), g.attempt('a')]).toEqual([undefined, undefined, 60]);
    advance(45);
    expect(g.attempt('a')).toBe(15);
    expect(g.attempt('b')).toBeUndefined();
    advance(15);
    expect(g.attempt('a')).toBeUndefined();
  });

  it('locks a name without an account after maxFailures, until lockoutS has passed', () => {
    const { g, advance } = guard();
    expect([g.phantomFailure('ghost'), g.phantomFailure('ghost')]).toEqual([null, null]);
    expect(g.phantomFailure('ghost')).toEqual(new Date(60_000));
    expect(g.phantomLockedUntil('ghost')).toEqual(new Date(60_000));
    advance(60);
    expect(g.phantomLockedUntil('ghost')).toBeNull();
  });

  it('forgets the oldest names beyond its size, so a flood of names cannot exhaust memory', () => {
    const { g } = guard({ perUserPerMinute: 1, maxEntries: 3 });
    for (const name of ['a', 'b', 'c', 'd']) g.attempt(name);
    expect(g.attempt('a')).toBeUndefined();
    expect(g.attempt('d')).toBe(60);
  });
});
