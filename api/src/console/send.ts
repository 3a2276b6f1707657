import { createReadStream, existsSync, statSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contentType } from './content-types.js';

/** Cache header of content-addressed URLs: the bytes behind them never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

function acceptsGzip(request: FastifyRequest): boolean {
  return /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
}

function notModified(request: FastifyRequest, etag: string): boolean {
  return String(request.headers['if-none-match'] ?? '')
    .split(',')
    .some((tag) => tag.trim() === etag);
}

function headers(reply: FastifyReply, path: string, etag: string): void {
  reply.header('content-type', contentType(path));
  reply.header('cache-control', IMMUTABLE);
  reply.header('etag', etag);
  reply.header('vary', 'accept-encoding');
}

/**
 * Sends an in-memory file with immutable caching, ETag / 304 and gzip when the client takes it.
 *
 * @example return sendBuffer(request, reply, 'context.js', { data, gzip, etag });
 */
export function sendBuffer(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  file: { data: Buffer; gzip: Buffer | undefined; etag: string },
): FastifyReply {
  headers(reply, path, file.etag);
  if (notModified(request, file.etag)) return reply.status(304).send();
  if (file.gzip !== undefined && acceptsGzip(request)) {
    reply.header('content-encoding', 'gzip');
    return reply.send(file.gzip);
  }
  return reply.send(file.data);
}

/**
 * Streams a file from disk the same way; `gzipPath` is used when it exists and the client takes gzip.
 *
 * @example return sendPath(request, reply, 'assets/duckdb.wasm', blobs.pathOf(sha), blobs.gzipPathOf(sha), `"${sha}"`);
 */
export function sendPath(
  request: FastifyRequest,
  reply: FastifyReply,
  path: string,
  file: string,
  gzipPath: string,
  etag: string,
): FastifyReply {
  headers(reply, path, etag);
  if (notModified(request, etag)) return reply.status(304).send();
  const gzip = acceptsGzip(request) && existsSync(gzipPath);
  const source = gzip ? gzipPath : file;
  if (gzip) reply.header('content-encoding', 'gzip');
  reply.header('content-length', statSync(source).size);
  return reply.send(createReadStream(source));
}
