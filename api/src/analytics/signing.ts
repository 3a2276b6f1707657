import { createHmac, timingSafeEqual } from 'node:crypto';

/** Expiries are rounded up to a whole hour, so that a file's URL stays the same for a while (HTTP caching). */
const EXPIRY_STEP_S = 3600;
const SIG = /^[A-Za-z0-9_-]{43}$/;

/** What a signed file URL carries besides the path. */
export interface FileGrant {
  /** The user the URL was issued to; their current role and scope are checked again when it is used. */
  userId: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** The outcome of checking a signed URL. */
export type GrantCheck = 'valid' | 'expired' | 'invalid';

/** Characters kept as they are in a URL path segment; the rest are percent-encoded. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%3D/g, '=');
}

/**
 * Signs and checks the URLs of analytics files. The browser's DuckDB worker fetches files without the
 * session's `Authorization` header, so each file URL in a manifest carries an HMAC-SHA256 over (user,
 * expiry, path) under a key derived from the API's signing secret: it cannot be moved to another file,
 * extended, or handed to another user, and the file route checks the user's current scope again.
 *
 * @example
 * const signer = new FileUrlSigner(config.jwtSecret);
 * signer.url('events/type=meeting.held/province=2025_80/month=2025-07/p0-o….parquet', { userId: 7, exp });
 * // 'files/events/type=meeting.held/province=2025_80/month=2025-07/p0-o….parquet?u=7&exp=…&sig=…'
 */
export class FileUrlSigner {
  private readonly key: Buffer;

  /** @param secret the API's signing secret; the URL key is derived from it and used for nothing else. */
  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('vwu analytics file urls v1').digest();
  }

  /** The expiry of URLs issued at `nowMs` that last at least `ttlS` seconds (rounded up to the hour). */
  expiry(nowMs: number, ttlS: number): number {
    return Math.ceil((Math.floor(nowMs / 1000) + ttlS) / EXPIRY_STEP_S) * EXPIRY_STEP_S;
  }

  /** The signature of a path for a grant, base64url. */
  sign(path: string, grant: FileGrant): string {
    return createHmac('sha256', this.key)
      .update(`${grant.userId}\n${grant.exp}\n${path}`)
      .digest('base64url');
  }

  /** The URL of a file relative to `<apiBase>/analytics/`. */
  url(path: string, grant: FileGrant): string {
    const encoded = path.split('/').map(encodeSegment).join('/');
    return `files/${encoded}?u=${grant.userId}&exp=${grant.exp}&sig=${this.sign(path, grant)}`;
  }

  /** Checks a presented signature: `invalid` for a wrong one (checked first, in constant time), then expiry. */
  check(path: string, grant: FileGrant, sig: string, nowMs: number): GrantCheck {
    if (!SIG.test(sig)) return 'invalid';
    const want = Buffer.from(this.sign(path, grant));
    if (!timingSafeEqual(want, Buffer.from(sig))) return 'invalid';
    return grant.exp * 1000 <= nowMs ? 'expired' : 'valid';
  }
}
