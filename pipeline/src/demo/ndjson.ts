/**
 * A buffered NDJSON file writer that respects back-pressure and hashes what it writes, so a run's files
 * can be compared byte for byte (same seed → same SHA-256).
 */
import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const FLUSH_AT = 1 << 20;

/** Writes one JSON value per line; `line` turns a value into its line (default `JSON.stringify`). */
export class NdjsonWriter<T = unknown> {
  private buffer: string[] = [];
  private buffered = 0;
  private readonly hash: Hash = createHash('sha256');
  private readonly stream: WriteStream | null;
  private written = 0;
  private lines = 0;

  /** `path` null: count and hash only (benchmarks). */
  constructor(
    path: string | null,
    private readonly line: (value: T) => string = JSON.stringify,
  ) {
    this.stream = path === null ? null : createWriteStream(path);
  }

  /** Appends one value; await the result to honour back-pressure. */
  async write(value: T): Promise<void> {
    this.push(this.line(value));
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  /** Appends many values. */
  async writeAll(values: readonly T[]): Promise<void> {
    for (const value of values) this.push(this.line(value));
    if (this.buffered >= FLUSH_AT) await this.flush();
  }

  private push(line: string): void {
    this.buffer.push(line);
    this.buffered += line.length + 1;
    this.lines++;
  }

  private async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.buffer.push('');
    const chunk = Buffer.from(this.buffer.join('\n'), 'utf8');
    this.buffer = [];
    this.buffered = 0;
    this.hash.update(chunk);
    this.written += chunk.length;
    if (this.stream && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  /** Flushes, closes the file and returns what was written. */
  async close(): Promise<{ lines: number; bytes: number; sha256: string }> {
    await this.flush();
    if (this.stream) {
      this.stream.end();
      await once(this.stream, 'finish');
    }
    return { lines: this.lines, bytes: this.written, sha256: this.hash.digest('hex') };
  }
}
