/**
 * Lines of a large NDJSON file in constant memory: chunks are read as the consumer asks for lines, so a
 * slow consumer (a producer waiting for the broker) holds the file back instead of buffering it.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

/** Longest line accepted, in characters (an event is at most 64 KiB). */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/** One non-empty line and its 1-based number in the file. */
export interface NumberedLine {
  number: number;
  text: string;
}

/**
 * Yields the non-empty lines of `input` (a path or a stream), without their `\n` or `\r\n`.
 *
 * @example for await (const { number, text } of ndjsonLines('events.ndjson')) …
 */
export async function* ndjsonLines(input: string | Readable): AsyncGenerator<NumberedLine> {
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 20 }) : input;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let number = 0;
  for await (const chunk of stream) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      number += 1;
      const line = text.slice(start, end).replace(/\r$/, '');
      start = end + 1;
      if (line.trim().length > 0) yield { number, text: line };
    }
    carry = text.slice(start);
    if (carry.length > MAX_LINE_CHARS)
      throw new RangeError(`line ${number + 1} is longer than ${MAX_LINE_CHARS} characters; is this NDJSON?`);
  }
  const rest = carry + decoder.end();
  if (rest.trim().length > 0) yield { number: number + 1, text: rest.replace(/\r$/, '') };
}
