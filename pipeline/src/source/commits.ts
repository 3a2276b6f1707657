/**
 * The checks every source makes before storing a commit, so both reject the same things the same way.
 */
import type { CommitResult, PartitionOffset, RejectedCommit, SourceState } from './types.js';

/** What a source knows when screening commits. */
export interface CommitScreen {
  state: SourceState;
  /** Whether this instance reads the partition now. */
  isAssigned(partition: number): boolean;
  /** Highest offset that may be committed on a partition (the next one delivered), if the source knows it. */
  limit?(partition: number): number | undefined;
}

/** Splits requested commits into those to store and those rejected, with the reason. */
export function screenCommits(
  offsets: readonly PartitionOffset[],
  screen: CommitScreen,
): { accepted: PartitionOffset[]; rejected: RejectedCommit[] } {
  const accepted: PartitionOffset[] = [];
  const rejected: RejectedCommit[] = [];
  const active = screen.state === 'running' || screen.state === 'stopping';
  for (const entry of offsets) {
    const limit = screen.limit?.(entry.partition);
    if (!active) rejected.push({ ...entry, reason: 'not-running', message: `source is ${screen.state}` });
    else if (!screen.isAssigned(entry.partition))
      rejected.push({
        ...entry,
        reason: 'not-assigned',
        message: `partition ${entry.partition} is not assigned to this instance`,
      });
    else if (!/^\d+$/.test(entry.offset) || (limit !== undefined && Number(entry.offset) > limit)) {
      rejected.push({
        ...entry,
        reason: 'invalid-offset',
        message: `offset ${entry.offset} is not an integer from 0 to ${limit ?? 'the end of the log'}`,
      });
    } else accepted.push(entry);
  }
  return { accepted, rejected };
}

/** The result when storing `accepted` failed with `error`. */
export function failedCommit(
  accepted: readonly PartitionOffset[],
  rejected: readonly RejectedCommit[],
  error: unknown,
): CommitResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    committed: [],
    rejected: [...rejected, ...accepted.map((entry) => ({ ...entry, reason: 'error' as const, message }))],
  };
}
