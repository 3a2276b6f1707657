/** Why a slot shows its error panel. */
export type FailureKind = 'load' | 'mount' | 'timeout';

/** An application's failure, as the shell reports it in the application's slot. */
export class SlotError extends Error {
  readonly kind: FailureKind;

  /** @param kind what failed; @param message technical detail (shown folded in the panel). */
  constructor(kind: FailureKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SlotError';
    this.kind = kind;
  }
}

/** The failure kind of any error a lifecycle produced: a {@link SlotError}'s, else 'mount'. */
export function kindOf(error: unknown): FailureKind {
  return error instanceof SlotError ? error.kind : 'mount';
}

/**
 * Races `work` against a timer: rejects with a 'timeout' {@link SlotError} after `ms`.
 *
 * @example await withTimeout(app.mount(props), 10_000, 'mount of @vwu/mfe-kpi')
 */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SlotError('timeout', `${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
