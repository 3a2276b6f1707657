/**
 * The on-disk side of dedup: one append-only journal per partition of checksummed frames (`frame.ts`),
 * each holding the event ids that became durable at one sink commit, grouped by the hour they were first
 * seen. Loading replays it; a torn tail (a crash mid-append) is dropped and the file rewritten.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../source/files.js';
import { encodeFrame, scanFrames } from '../source/frame.js';

/** Ids first seen in one time bucket. */
export interface JournalEntry {
  /** Start of the bucket, ms since the epoch. */
  bucket: number;
  ids: string[];
}

/** What a journal holds. */
export interface JournalContents {
  entries: JournalEntry[];
  bytes: number;
  /** True when the file ended in a torn or corrupt frame, dropped from `entries`. */
  torn: boolean;
}

interface FrameBody {
  /** Next offset of the partition durable with these ids. */
  o: string;
  b: [number, string[]][];
}

/** Most ids in one frame (ids are at most 64 characters: a frame stays under 1.5 MiB). */
const IDS_PER_FRAME = 20_000;

/** Frames holding `entries`, split so that no frame holds more than {@link IDS_PER_FRAME} ids. */
function encodeFrames(nextOffset: string, entries: readonly JournalEntry[]): Buffer {
  const frames: Buffer[] = [];
  let body: FrameBody = { o: nextOffset, b: [] };
  let count = 0;
  const close = (): void => {
    if (body.b.length > 0) frames.push(encodeFrame(Buffer.from(JSON.stringify(body), 'utf8')));
    body = { o: nextOffset, b: [] };
    count = 0;
  };
  for (const entry of entries) {
    for (let start = 0; start < entry.ids.length; start += IDS_PER_FRAME) {
      const ids = entry.ids.slice(start, start + IDS_PER_FRAME);
      if (count + ids.length > IDS_PER_FRAME) close();
      body.b.push([entry.bucket, ids]);
      count += ids.length;
    }
  }
  close();
  return Buffer.concat(frames);
}

/** Reads a journal; empty when it does not exist. */
export async function readJournal(path: string): Promise<JournalContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], bytes: 0, torn: false };
    throw error;
  }
  const scan = scanFrames(bytes);
  const entries: JournalEntry[] = [];
  let torn = scan.stop !== 'end';
  for (const frame of scan.frames) {
    try {
      const body = JSON.parse(frame.body.toString('utf8')) as FrameBody;
      for (const [bucket, ids] of body.b) entries.push({ bucket, ids });
    } catch {
      torn = true;
      break;
    }
  }
  return { entries, bytes: bytes.length, torn };
}

/** Appends the entries (in as many frames as needed) and fsyncs; returns the bytes written. */
export async function appendJournal(
  path: string,
  nextOffset: string,
  entries: readonly JournalEntry[],
): Promise<number> {
  const frame = encodeFrames(nextOffset, entries);
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a');
  try {
    await handle.write(frame);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return frame.length;
}

/** Replaces the journal with exactly `entries`; returns its size. */
export async function rewriteJournal(
  path: string,
  nextOffset: string,
  entries: readonly JournalEntry[],
): Promise<number> {
  const bytes = encodeFrames(nextOffset, entries);
  await writeFileAtomic(path, bytes);
  return bytes.length;
}
