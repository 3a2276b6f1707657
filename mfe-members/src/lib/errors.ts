import { ApiError } from '@vwu/context';

/** Whether an error is the cancellation of a request (a newer one replaced it). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * The ApiError of a failure to show to the person; anything else (a bug) is thrown on, not hidden.
 *
 * @example catch (e) { error.value = shownError(e); }
 */
export function shownError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  throw error;
}
