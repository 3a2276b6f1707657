import { describe, expect, it, vi } from 'vitest';
import { createObservable } from '../../src/context/index.js';

describe('createObservable', () => {
  it('tells subscribers of each change with the previous value, until they unsubscribe', () => {
    const value = createObservable('vi');
    const seen: string[] = [];
    const stop = value.subscribe((next, previous) => seen.push(`${previous}→${next}`));
    value.set('en');
    value.set('vi');
    stop();
    value.set('en');
    expect(seen).toEqual(['vi→en', 'en→vi']);
    expect(value.get()).toBe('en');
  });

  it.each([
    { name: 'same primitive', initial: 1, next: 1, equals: undefined, calls: 0 },
    { name: 'new primitive', initial: 1, next: 2, equals: undefined, calls: 1 },
    {
      name: 'equal by the given test',
      initial: { a: 1 },
      next: { a: 1 },
      equals: (a: { a: number }, b: { a: number }) => a.a === b.a,
      calls: 0,
    },
    { name: 'new object without a test', initial: { a: 1 }, next: { a: 1 }, equals: undefined, calls: 1 },
  ])('$name → $calls call(s)', ({ initial, next, equals, calls }) => {
    const value = createObservable<unknown>(
      initial,
      equals as ((a: unknown, b: unknown) => boolean) | undefined,
    );
    const listener = vi.fn();
    value.subscribe(listener);
    value.set(next);
    expect(listener).toHaveBeenCalledTimes(calls);
  });

  it('keeps calling the other listeners when one throws, and reports the error', () => {
    const reported: unknown[] = [];
    const original = globalThis.reportError;
    globalThis.reportError = (error: unknown) => void reported.push(error);
    try {
      const value = createObservable(0);
      const after = vi.fn();
      value.subscribe(() => {
        throw new Error('listener broke');
      });
      value.subscribe(after);
      value.set(1);
      expect(after).toHaveBeenCalledWith(1, 0);
      expect(reported).toEqual([new Error('listener broke')]);
    } finally {
      globalThis.reportError = original;
    }
  });

  it('subscribing the same function twice needs two unsubscribes', () => {
    const value = createObservable(0);
    const listener = vi.fn();
    const stopA = value.subscribe(listener);
    value.subscribe(listener);
    stopA();
    stopA();
    value.set(1);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
