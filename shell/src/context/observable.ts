/** Called with the new value and the value it replaced. */
export type Listener<T> = (value: T, previous: T) => void;

/** Stops a subscription; calling it again does nothing. */
export type Unsubscribe = () => void;

/** A value that can be read and watched, but not set by the holder. */
export interface ReadonlyObservable<T> {
  /** The current value. */
  get(): T;
  /** Calls `listener` after every change (not with the current value); returns the way to stop. */
  subscribe(listener: Listener<T>): Unsubscribe;
}

/** A value that can also be set. */
export interface Observable<T> extends ReadonlyObservable<T> {
  /** Replaces the value and tells the listeners, unless it equals the current one. */
  set(value: T): void;
}

/** Reports a listener's error without stopping the other listeners (the browser's `reportError`). */
function report(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else
    queueMicrotask(() => {
      throw error;
    });
}

/**
 * A tiny observable value: the building block of the shared context. Not a store: one value, its setter and
 * its listeners. A listener that throws is reported and the others still run.
 *
 * @example
 * const lang = createObservable<'vi' | 'en'>('vi');
 * const stop = lang.subscribe((next) => render(next));
 * lang.set('en'); // render('en')
 * stop();
 */
export function createObservable<T>(initial: T, equals: (a: T, b: T) => boolean = Object.is): Observable<T> {
  let value = initial;
  const listeners = new Set<Listener<T>>();
  return {
    get: () => value,
    set(next) {
      if (equals(value, next)) return;
      const previous = value;
      value = next;
      for (const listener of [...listeners]) {
        try {
          listener(next, previous);
        } catch (error) {
          report(error);
        }
      }
    },
    subscribe(listener) {
      const own = (next: T, previous: T) => listener(next, previous);
      listeners.add(own);
      return () => {
        listeners.delete(own);
      };
    },
  };
}
