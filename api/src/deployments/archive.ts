// Reading an uploaded bundle: a gzip-compressed tar of a module's dist/. Strict: regular files and folders
// only (no links, devices or absolute / `..` paths), every header checksum checked, unpacked size and file
// count bounded while decompressing (a gzip bomb stops at the limit, not after filling the memory).
import { gunzipSync } from 'node:zlib';

/** One file of an archive, with a normalised relative path ('assets/x.js'). */
export interface ArchiveFile {
  path: string;
  data: Buffer;
}

/** Limits of {@link readTarGz}. */
export interface ArchiveLimits {
  maxUnpackedBytes: number;
  maxFiles: number;
}

/** Why an archive was refused: unreadable (`malformed`) or over a limit (`too-large`). */
export class ArchiveError extends Error {
  /** @param kind the reason; @param limit the limit exceeded, for `too-large`. */
  constructor(
    readonly kind: 'malformed' | 'too-large',
    message: string,
    readonly limit?: number,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

const BLOCK = 512;

function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(header: Buffer, start: number, length: number, what: string): number {
  if ((header[start] ?? 0) & 0x80)
    throw new ArchiveError('malformed', `${what} in binary form is not supported`);
  const text = field(header, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new ArchiveError('malformed', `a tar header has a bad ${what}`);
  return parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum === octal(header, 148, 8, 'checksum');
}

/** Pax extended header records ("<len> key=value\n"), of which only `path` matters here. */
function paxPath(data: Buffer): string | undefined {
  let path: string | undefined;
  let rest = data.toString('utf8');
  while (rest.length > 0) {
    const space = rest.indexOf(' ');
    const length = Number(rest.slice(0, space));
    if (space <= 0 || !Number.isInteger(length) || length <= space) break;
    const record = rest.slice(space + 1, length - 1);
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') path = record.slice(eq + 1);
    rest = rest.slice(length);
  }
  return path;
}

/**
 * A safe relative path, or `undefined` for the archive's root folder itself ('.', './').
 *
 * @throws ArchiveError for absolute paths, `..`, backslashes or control characters.
 */
export function safePath(raw: string): string | undefined {
  const trimmed = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return undefined;
  const parts = trimmed.split('/');
  const bad =
    raw.startsWith('/') ||
    trimmed.includes('\\') ||
    [...trimmed].some((c) => c.charCodeAt(0) < 0x20) ||
    parts.some((part) => part === '' || part === '.' || part === '..');
  if (bad)
    throw new ArchiveError('malformed', `the path "${raw.slice(0, 120)}" is not a plain relative path`);
  return trimmed;
}

function gunzip(archive: Buffer, limits: ArchiveLimits): Buffer {
  // Headers and padding: at most two blocks per file beyond the contents, plus pax and end blocks.
  const maxOutputLength = limits.maxUnpackedBytes + (limits.maxFiles + 8) * 3 * BLOCK;
  try {
    return gunzipSync(archive, { maxOutputLength });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw new ArchiveError('too-large', 'unpacked size', limits.maxUnpackedBytes);
    throw new ArchiveError('malformed', 'it is not gzip-compressed or it is cut short');
  }
}

/**
 * The files of a `.tar.gz` archive, in archive order; folders are implied by the paths.
 *
 * @throws ArchiveError `malformed` (not gzip, not tar, bad checksum, cut short, a link or special file, an
 *   unsafe or repeated path) or `too-large` (unpacked size or file count over the limits).
 * @example const files = readTarGz(readFileSync('bundle.tgz'), { maxUnpackedBytes: 1 << 28, maxFiles: 2000 });
 */
export function readTarGz(archive: Buffer, limits: ArchiveLimits): ArchiveFile[] {
  const tar = gunzip(archive, limits);
  const files: ArchiveFile[] = [];
  const seen = new Set<string>();
  let total = 0;
  let offset = 0;
  let longName: string | undefined;
  let ended = false;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) {
      ended = true;
      break;
    }
    if (!checksumOk(header)) throw new ArchiveError('malformed', 'it is not a tar archive (header checksum)');
    const size = octal(header, 124, 12, 'size');
    const type = String.fromCharCode(header[156] ?? 0);
    const start = offset + BLOCK;
    const data = tar.subarray(start, start + size);
    if (data.length < size) throw new ArchiveError('malformed', 'the archive is cut short');
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
    const prefix = field(header, 257, 6) === 'ustar' ? field(header, 345, 155) : '';
    const name = longName ?? (prefix === '' ? field(header, 0, 100) : `${prefix}/${field(header, 0, 100)}`);
    if (type === 'x' || type === 'L') {
      longName = type === 'L' ? field(data, 0, data.length) : paxPath(data);
      continue;
    }
    longName = undefined;
    if (type === 'g' || type === '5') continue;
    if (type !== '0' && type !== '\u0000' && type !== '7') {
      throw new ArchiveError(
        'malformed',
        `"${name.slice(0, 120)}" is a link or special file; only plain files are allowed`,
      );
    }
    const path = safePath(name);
    if (path === undefined) continue;
    if (seen.has(path)) throw new ArchiveError('malformed', `"${path}" appears twice`);
    seen.add(path);
    total += size;
    if (files.length + 1 > limits.maxFiles)
      throw new ArchiveError('too-large', 'file count', limits.maxFiles);
    if (total > limits.maxUnpackedBytes)
      throw new ArchiveError('too-large', 'unpacked size', limits.maxUnpackedBytes);
    files.push({ path, data: Buffer.from(data) });
  }
  if (!ended && files.length === 0) throw new ArchiveError('malformed', 'it is not a tar archive');
  return files;
}
