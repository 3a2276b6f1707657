/**
 * Committed offsets of one consumer group of the embedded log: a small JSON file replaced atomically on
 * every commit (concurrent commits coalesce into one write), guarded by a lock file so that only one
 * consumer of the group runs at a time.
 */
import { readFile } from 'node:fs/promises';
import { acquireLock, writeFileAtomic, type FileLock } from './files.js';
import { groupPath } from './log-layout.js';

interface GroupFile {
  group: string;
  /** Partition → next offset to read. */
  offsets: Record<string, number>;
  updated_at: string;
}

/**
 * Reads a group's committed offsets without taking its lock (monitoring, tests); empty when it never
 * committed.
 */
export async function readGroupOffsets(dir: string, groupId: string): Promise<Map<number, number>> {
  let text: string;
  try {
    text = await readFile(groupPath(dir, groupId, '.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const file = JSON.parse(text) as GroupFile;
  return new Map(Object.entries(file.offsets).map(([partition, offset]) => [Number(partition), offset]));
}

/** The committed offsets of a group, owned by this process while open. */
export class GroupOffsets {
  private desiredVersion = 0;
  private writtenVersion = 0;
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly dir: string,
    readonly groupId: string,
    private readonly offsets: Map<number, number>,
    private readonly lock: FileLock,
    private readonly clock: () => number,
  ) {}

  /** Takes the group's lock (waiting up to `lockTimeoutMs`) and loads its offsets. */
  static async open(
    dir: string,
    groupId: string,
    lockTimeoutMs = 0,
    clock: () => number = Date.now,
  ): Promise<GroupOffsets> {
    const lock = await acquireLock(groupPath(dir, groupId, '.lock'), lockTimeoutMs);
    try {
      return new GroupOffsets(dir, groupId, await readGroupOffsets(dir, groupId), lock, clock);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** The committed next offset of a partition, `undefined` when never committed. */
  get(partition: number): number | undefined {
    return this.offsets.get(partition);
  }

  /** Stores next offsets; resolves once a file holding them (or later ones) is durable. */
  commit(entries: readonly { partition: number; offset: number }[]): Promise<void> {
    for (const { partition, offset } of entries) this.offsets.set(partition, offset);
    this.desiredVersion += 1;
    const version = this.desiredVersion;
    const write = this.chain.then(async () => {
      if (this.writtenVersion >= version) return;
      const target = this.desiredVersion;
      const file: GroupFile = {
        group: this.groupId,
        offsets: Object.fromEntries([...this.offsets].sort(([a], [b]) => a - b)),
        updated_at: new Date(this.clock()).toISOString(),
      };
      await writeFileAtomic(groupPath(this.dir, this.groupId, '.json'), `${JSON.stringify(file)}\n`);
      this.writtenVersion = target;
    });
    this.chain = write.catch(() => undefined);
    return write;
  }

  /** Waits for writes in progress and releases the lock. */
  async close(): Promise<void> {
    await this.chain;
    await this.lock.release();
  }
}
