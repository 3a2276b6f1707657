// Analytics files: the manifest cut to each caller's scope with signed URLs, and the file route — signature,
// expiry, current scope, listing, byte ranges, ETag, HEAD, caching, and paths that must never reach a file.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ManifestStore, type ManifestFile, type ManifestRollup } from '@vwu/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, FileUrlSigner, parseRange } from '../src/index.js';
import { signIn, startTestApp, type TestApp } from './helpers/app.js';

const dir = mkdtempSync(join(tmpdir(), 'vwu-analytics-'));
const sliceDir = mkdtempSync(join(tmpdir(), 'vwu-analytics-slices-'));
const contents = new Map<string, Buffer>();

function land(path: string, size: number): { bytes: number; sha256: string } {
  const data = randomBytes(size);
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), data);
  contents.set(path, data);
  return { bytes: size, sha256: createHash('sha256').update(data).digest('hex') };
}

function eventFile(province: string, month: string, type: ManifestFile['type']): ManifestFile {
  const path = `events/type=${type}/province=${province.replace(':', '_')}/month=${month}/p0-o${'0'.repeat(19)}1-${'0'.repeat(19)}9.parquet`;
  return {
    path,
    type,
    province,
    month,
    rows: 9,
    ...land(path, 2000),
    min_time: `${month}-01T00:00:00.000Z`,
    max_time: `${month}-02T00:00:00.000Z`,
    source: { partition: 0, first_offset: 1, last_offset: 9 },
  };
}

/** Rollup rows (period, view, unit, level, parent, metric, value) across provinces and structures. */
const ROLLUP_ROWS: ReadonlyArray<[string, string, string | null, number]> = [
  ['2025:TW', 'central', null, 12],
  ['2025:80', 'province', '2025:TW', 5],
  ['2025:25459', 'commune', '2025:80', 2],
  ['2025:25459-01', 'branch', '2025:25459', 1],
  ['pre2025:25459', 'commune', 'pre2025:72', 1],
  ['2025:01', 'province', '2025:TW', 7],
  ['2025:00004', 'commune', '2025:01', 3],
];

/** Writes a real rollup Parquet file with DuckDB (the API cuts these per scope). */
async function rollup(month: string): Promise<ManifestRollup> {
  const path = `rollups/grain=month/view=current/month=${month}/r-${'a'.repeat(24)}.parquet`;
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const values = ROLLUP_ROWS.map(
      ([unit, level, parent, value]) =>
        `('${month}', 'current', '${unit}', '${level}', ${parent === null ? 'NULL' : `'${parent}'`}, 'meetings', ${value}::DOUBLE)`,
    ).join(', ');
    await connection.run(
      `COPY (SELECT * FROM (VALUES ${values}) t(period, view, unit, level, parent, metric, value))
       TO '${join(dir, path)}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const data = readFileSync(join(dir, path));
  contents.set(path, data);
  const sha256 = createHash('sha256').update(data).digest('hex');
  return {
    path,
    grain: 'month',
    view: 'current',
    month,
    rows: ROLLUP_ROWS.length,
    bytes: data.length,
    sha256,
  };
}

/** The units of a Parquet rollup file's bytes, read back with DuckDB. */
async function unitsIn(bytes: Buffer): Promise<string[]> {
  const file = join(sliceDir, `read-${randomBytes(4).toString('hex')}.parquet`);
  writeFileSync(file, bytes);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT unit FROM read_parquet('${file}') ORDER BY unit`);
    return reader.getRowObjectsJS().map((r) => String(r['unit']));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const FILES = [
  eventFile('2025:80', '2025-07', 'meeting.held'),
  eventFile('2025:80', '2025-08', 'post.published'),
  eventFile('2025:01', '2025-07', 'meeting.held'),
  eventFile('2025:TW', '2025-07', 'document.issued'),
];
const ROLLUPS: ManifestRollup[] = [];

interface Entry {
  path: string;
  url: string;
  sha256: string;
  bytes: number;
}
interface ScopedManifest {
  generation: number;
  rollups_pending: number;
  scope: { key: string; level: string };
  files: Entry[];
  rollups: Entry[];
  retired: unknown[];
}

let t: TestApp;
const tokens = new Map<string, string>();
const userIds = new Map<string, number>();
const signer = new FileUrlSigner('test-secret-0123456789abcdefghijklmnopqrstuvwxyz');

async function manifestAs(username: string): Promise<ScopedManifest> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/analytics/manifest.json',
    headers: { authorization: `Bearer ${tokens.get(username)}` },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ScopedManifest>();
}

function fileUrl(url: string): string {
  return `/analytics/${url}`;
}

beforeAll(async () => {
  ROLLUPS.push(await rollup('2025-07'));
  const store = await ManifestStore.open(dir, { now: () => Date.parse('2025-09-01T00:00:00Z') });
  await store.commit({ add: FILES, rollups: ROLLUPS });
  t = await startTestApp({ config: { analytics: { dir, urlTtlS: 3600, sliceDir } } });
  for (const username of [
    'analyst.central',
    'leader.tayninh',
    'leader.hanoi',
    'officer.tanninh',
    'judge.central',
  ]) {
    tokens.set(username, (await signIn(t.app, username, DEMO_PASSWORD)).accessToken);
    const { rows } = await t.store.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [
      username,
    ]);
    userIds.set(username, rows[0]?.id ?? -1);
  }
});

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(sliceDir, { recursive: true, force: true });
});

describe('GET /analytics/manifest.json', () => {
  it.each([
    { username: 'analyst.central', files: FILES.map((f) => f.path), national: true },
    {
      username: 'leader.tayninh',
      files: FILES.filter((f) => f.province === '2025:80').map((f) => f.path),
      national: false,
    },
    {
      username: 'leader.hanoi',
      files: FILES.filter((f) => f.province === '2025:01').map((f) => f.path),
      national: false,
    },
    { username: 'officer.tanninh', files: [], national: false },
  ])('lists only what $username may read, each with a signed url', async ({ username, files, national }) => {
    const manifest = await manifestAs(username);
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...files].sort());
    // Only a national scope gets the national rollups as they are; others get them cut (see below).
    expect(manifest.rollups.map((r) => r.path)).toEqual(national ? ROLLUPS.map((r) => r.path) : []);
    expect(manifest.retired).toEqual([]);
    for (const entry of [...manifest.files, ...manifest.rollups]) {
      expect(entry.url).toMatch(/^files\/(events|rollups)\/.+\.parquet\?u=\d+&exp=\d+&sig=[\w-]{43}$/);
      const response = await t.app.inject({ method: 'GET', url: fileUrl(entry.url) });
      expect(response.statusCode).toBe(200);
      expect(response.rawPayload.equals(contents.get(entry.path) ?? Buffer.alloc(0))).toBe(true);
      expect(response.headers.etag).toBe(`"${entry.sha256}"`);
    }
  });

  it.each([
    {
      username: 'leader.tayninh',
      scope: '2025:80',
      units: ['2025:25459', '2025:25459-01', '2025:80', 'pre2025:25459'],
    },
    {
      username: 'officer.tanninh',
      scope: '2025:25459',
      units: ['2025:25459', '2025:25459-01', 'pre2025:25459'],
    },
    { username: 'leader.hanoi', scope: '2025:01', units: ['2025:00004', '2025:01'] },
  ])('gives $username the rollups cut to her subtree, once cut', async ({ username, scope, units }) => {
    let manifest = await manifestAs(username);
    for (let i = 0; i < 120 && manifest.rollups.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 250));
      manifest = await manifestAs(username);
    }
    expect(manifest.rollups_pending).toBe(0);
    const [slice] = manifest.rollups;
    expect(slice?.path).toBe(
      `slices/scope=${scope.replace(':', '_')}/grain=month/view=current/month=2025-07/r-${'a'.repeat(24)}.parquet`,
    );
    const response = await t.app.inject({ method: 'GET', url: fileUrl(slice?.url ?? '') });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe(`"${slice?.sha256}"`);
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(slice?.sha256);
    expect(await unitsIn(response.rawPayload)).toEqual(units);
    // Another scope's slice is refused even with a valid signature of one's own.
    const other = username === 'leader.hanoi' ? 'leader.tayninh' : 'leader.hanoi';
    const grant = { userId: userIds.get(other) ?? 0, exp: Math.floor(t.clock.now / 1000) + 600 };
    const refused = await t.app.inject({ url: fileUrl(signer.url(slice?.path ?? '', grant)) });
    expect(refused.statusCode).toBe(404);
  });

  it('refuses roles that do not read analytics', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/analytics/manifest.json',
      headers: { authorization: `Bearer ${tokens.get('judge.central')}` },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN_ROLE');
  });

  it('repeats the same urls within the hour (HTTP caches keep working)', async () => {
    t.clock.advance(300);
    const first = await manifestAs('leader.tayninh');
    t.clock.advance(300);
    const second = await manifestAs('leader.tayninh');
    expect(second.files.map((f) => f.url)).toEqual(first.files.map((f) => f.url));
  });
});

describe('GET /analytics/files/*', () => {
  let tayNinhFile: Entry;
  beforeAll(async () => {
    const manifest = await manifestAs('leader.tayninh');
    const found = manifest.files[0];
    if (found === undefined) throw new Error('no file for Tây Ninh');
    tayNinhFile = found;
  });

  it('serves a whole file with caching headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: fileUrl(tayNinhFile.url) });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'application/vnd.apache.parquet',
      'accept-ranges': 'bytes',
      'content-length': String(tayNinhFile.bytes),
      etag: `"${tayNinhFile.sha256}"`,
    });
    expect(response.headers['cache-control']).toMatch(/^private, max-age=\d+, immutable$/);
    // Hardening: the security headers apply to files too, and CORS stays off unless configured.
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it.each([
    { range: 'bytes=0-9', status: 206, start: 0, end: 9 },
    { range: 'bytes=1990-', status: 206, start: 1990, end: 1999 },
    { range: 'bytes=-16', status: 206, start: 1984, end: 1999 },
    { range: 'bytes=100-99999', status: 206, start: 100, end: 1999 },
    { range: 'bytes=0-1,5-9', status: 200, start: 0, end: 1999 },
    { range: 'items=0-9', status: 200, start: 0, end: 1999 },
  ])('answers Range $range with $status', async ({ range, status, start, end }) => {
    const response = await t.app.inject({ method: 'GET', url: fileUrl(tayNinhFile.url), headers: { range } });
    expect(response.statusCode).toBe(status);
    const whole = contents.get(tayNinhFile.path) ?? Buffer.alloc(0);
    expect(response.rawPayload.equals(whole.subarray(start, end + 1))).toBe(true);
    expect(response.headers['content-length']).toBe(String(end - start + 1));
    if (status === 206) expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/2000`);
  });

  it.each(['bytes=2000-', 'bytes=5-2', 'bytes=x-1', 'bytes=-0', 'bytes=-'])(
    'refuses an unsatisfiable Range %s with 416',
    async (range) => {
      const response = await t.app.inject({
        method: 'GET',
        url: fileUrl(tayNinhFile.url),
        headers: { range },
      });
      expect(response.statusCode).toBe(416);
      expect(response.headers['content-range']).toBe('bytes */2000');
      expect(response.json().error.code).toBe('RANGE_NOT_SATISFIABLE');
    },
  );

  it('honours If-Range only for the current ETag, and If-None-Match with 304', async () => {
    const url = fileUrl(tayNinhFile.url);
    const etag = `"${tayNinhFile.sha256}"`;
    const matching = await t.app.inject({ url, headers: { range: 'bytes=0-9', 'if-range': etag } });
    expect(matching.statusCode).toBe(206);
    const stale = await t.app.inject({ url, headers: { range: 'bytes=0-9', 'if-range': '"other"' } });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload).toHaveLength(2000);
    const notModified = await t.app.inject({ url, headers: { 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload).toHaveLength(0);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await t.app.inject({
      method: 'HEAD',
      url: fileUrl(tayNinhFile.url),
      headers: { range: 'bytes=0-99' },
    });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-length']).toBe('100');
    expect(response.headers['content-range']).toBe('bytes 0-99/2000');
    expect(response.rawPayload).toHaveLength(0);
  });

  it('refuses altered urls: another path, user or expiry', async () => {
    const hanoi = FILES.find((f) => f.province === '2025:01')?.path ?? '';
    const [pathPart, query] = tayNinhFile.url.split('?') as [string, string];
    const params = new URLSearchParams(query);
    const altered = [
      `files/${hanoi}?${query}`,
      `${pathPart}?u=${userIds.get('leader.hanoi')}&exp=${params.get('exp')}&sig=${params.get('sig')}`,
      `${pathPart}?u=${params.get('u')}&exp=${Number(params.get('exp')) + 3600}&sig=${params.get('sig')}`,
      `${pathPart}?u=${params.get('u')}&exp=${params.get('exp')}&sig=${'A'.repeat(43)}`,
    ];
    for (const url of altered) {
      const response = await t.app.inject({ method: 'GET', url: fileUrl(url) });
      expect(response.statusCode, url).toBe(403);
      expect(response.json().error.code).toBe('ANALYTICS_LINK_INVALID');
    }
  });

  it('refuses a url after it expires', async () => {
    const exp = Math.floor(t.clock.now / 1000) + 30;
    const url = signer.url(tayNinhFile.path, { userId: userIds.get('leader.tayninh') ?? 0, exp });
    expect((await t.app.inject({ url: fileUrl(url) })).statusCode).toBe(200);
    t.clock.advance(31);
    const response = await t.app.inject({ url: fileUrl(url) });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ANALYTICS_LINK_EXPIRED');
  });

  it('checks the scope again when the file is fetched: validly signed urls outside it are refused', async () => {
    const exp = Math.floor(t.clock.now / 1000) + 600;
    const grant = { userId: userIds.get('leader.tayninh') ?? 0, exp };
    const outside = [
      ...FILES.filter((f) => f.province !== '2025:80').map((f) => f.path),
      ...ROLLUPS.map((r) => r.path),
    ];
    for (const path of outside) {
      const response = await t.app.inject({ url: fileUrl(signer.url(path, grant)) });
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error.code).toBe('ANALYTICS_FILE_NOT_LISTED');
    }
    const officer = { userId: userIds.get('officer.tanninh') ?? 0, exp };
    const response = await t.app.inject({ url: fileUrl(signer.url(tayNinhFile.path, officer)) });
    expect(response.statusCode).toBe(404);
  });

  it('follows a change of the user: a moved leader loses her old province, a changed role every file', async () => {
    const id = userIds.get('leader.tayninh') ?? 0;
    const grant = { userId: id, exp: Math.floor(t.clock.now / 1000) + 600 };
    const url = fileUrl(signer.url(tayNinhFile.path, grant));
    try {
      await t.store.query("UPDATE app_user SET scope_unit_key = '2025:01' WHERE id = $1", [id]);
      expect((await t.app.inject({ url })).statusCode).toBe(404);
      await t.store.query("UPDATE app_user SET scope_unit_key = '2025:80', role = 'judge' WHERE id = $1", [
        id,
      ]);
      expect((await t.app.inject({ url })).json().error.code).toBe('ANALYTICS_LINK_INVALID');
    } finally {
      await t.store.query(
        "UPDATE app_user SET scope_unit_key = '2025:80', role = 'province_leader' WHERE id = $1",
        [id],
      );
    }
    expect((await t.app.inject({ url })).statusCode).toBe(200);
  });

  it('never opens a path that is not listed, whatever its signature', async () => {
    writeFileSync(join(dir, 'secret.parquet'), 'not listed');
    const grant = { userId: userIds.get('analyst.central') ?? 0, exp: Math.floor(t.clock.now / 1000) + 600 };
    for (const path of [
      'manifest.json',
      'secret.parquet',
      'events/../secret.parquet',
      '../../etc/passwd',
      'events/type=meeting.held/province=2025_80/month=2025-07/missing.parquet',
      `${tayNinhFile.path}/../../../../secret.parquet`,
    ]) {
      const response = await t.app.inject({
        url: `/analytics/files/${path}?u=${grant.userId}&exp=${grant.exp}&sig=${signer.sign(path, grant)}`,
      });
      expect(response.statusCode, path).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, path).toBeLessThan(500);
      expect(response.body).not.toContain('not listed');
    }
    for (const url of [
      '/analytics/files/..%2F..%2Fetc%2Fpasswd?u=1&exp=1&sig=x',
      '/analytics/files/?u=1&exp=1&sig=x',
    ]) {
      const response = await t.app.inject({ url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
    }
  });

  it('refuses a request without a signature', async () => {
    const response = await t.app.inject({ url: `/analytics/files/${tayNinhFile.path}` });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('parseRange', () => {
  it.each([
    { header: undefined, size: 10, want: { kind: 'whole' } },
    { header: 'bytes=0-0', size: 10, want: { kind: 'part', start: 0, end: 0 } },
    { header: 'bytes=3-', size: 10, want: { kind: 'part', start: 3, end: 9 } },
    { header: 'bytes=-20', size: 10, want: { kind: 'part', start: 0, end: 9 } },
    { header: 'bytes=9-100', size: 10, want: { kind: 'part', start: 9, end: 9 } },
    { header: 'bytes=10-', size: 10, want: { kind: 'unsatisfiable' } },
    { header: 'bytes=0-', size: 0, want: { kind: 'unsatisfiable' } },
    { header: 'bytes=0-1, 3-4', size: 10, want: { kind: 'whole' } },
    { header: 'lines=0-1', size: 10, want: { kind: 'whole' } },
  ])('$header of $size bytes', ({ header, size, want }) => {
    expect(parseRange(header, size)).toEqual(want);
  });
});
