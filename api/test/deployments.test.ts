// Micro-frontend deployments: upload (verified, content-addressed, immutable versions), publish, list and
// roll back, for module deployers only and audited; the bad-input table (malformed, oversized, unsafe or
// incomplete archives) → a clear 4xx with nothing written, checked in the store and on disk.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/index.js';
import { signIn, startTestApp, type TestApp } from './helpers/app.js';
import { tarGz, type TarEntry } from './helpers/tar.js';

let t: TestApp;
let deployDir: string;
const tokens: Record<string, string> = {};
const ENTRY =
  'import{createApp as c}from"vue";import"./assets/chunk-a1.js";const l=async()=>c;export{l as bootstrap,l as mount,l as unmount};';

/** A module build as defineMfeConfig makes it: deploy.json, the entry, a chunk; `change` varies the content. */
function bundle(
  version: string,
  overrides: { entry?: string; extra?: TarEntry[]; manifest?: unknown; change?: string } = {},
): TarEntry[] {
  const manifest = overrides.manifest ?? {
    name: '@vwu/mfe-demo',
    version,
    importMap: { imports: { '@vwu/mfe-demo': './mfe-demo.js' } },
  };
  return [
    { path: './deploy.json', data: Buffer.from(JSON.stringify(manifest)) },
    { path: './mfe-demo.js', data: Buffer.from(overrides.entry ?? ENTRY) },
    {
      path: './assets/chunk-a1.js',
      data: Buffer.from(`export const v=${JSON.stringify(overrides.change ?? version)};`),
    },
    { path: './assets/big.wasm', data: Buffer.alloc(4096, 7) },
    ...(overrides.extra ?? []),
  ];
}

function upload(
  archive: Buffer,
  app = 'mfe-demo',
  token = tokens['deployer.central'],
  type = 'application/gzip',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/deployments/${app}/versions`,
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    payload: archive,
  });
}

function post(url: string, payload: unknown, token = tokens['deployer.central']) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });
}

async function counts() {
  const { rows } = await t.store.query<{ bundles: number; audits: number; published: number }>(
    `SELECT (SELECT count(*)::int FROM mfe_bundle) AS bundles, (SELECT count(*)::int FROM mfe_publication) AS published,
            (SELECT count(*)::int FROM audit_log WHERE action LIKE 'deployment.%') AS audits`,
  );
  const blobsDir = join(deployDir, 'blobs');
  const blobs = existsSync(blobsDir)
    ? readdirSync(blobsDir, { recursive: true }).filter((f) => String(f).length > 3).length
    : 0;
  return { ...rows[0], blobs };
}

beforeAll(async () => {
  deployDir = mkdtempSync(join(tmpdir(), 'vwu-deploy-'));
  t = await startTestApp({
    config: {
      deploy: { dir: deployDir, maxArchiveBytes: 64 * 1024, maxUnpackedBytes: 256 * 1024, maxFiles: 20 },
    },
  });
  for (const username of ['deployer.central', 'admin', 'analyst.central'])
    tokens[username] = (await signIn(t.app, username, DEMO_PASSWORD)).accessToken;
});

afterAll(async () => {
  await t?.close();
  rmSync(deployDir, { recursive: true, force: true });
});

describe('upload, publish, roll back', () => {
  it('stores a verified bundle, content-addressed, and answers the same upload again without a copy', async () => {
    const first = await upload(tarGz(bundle('1.0.0')));
    expect(first.statusCode, first.body).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({
      created: true,
      bundle: { app: 'mfe-demo', version: '1.0.0', fileCount: 4, current: false },
    });
    expect(body.bundle.entry).toBe(`/bundles/${body.bundle.bundleHash}/mfe-demo.js`);
    const before = await counts();
    const again = await upload(tarGz(bundle('1.0.0')));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: false, bundle: { bundleHash: body.bundle.bundleHash } });
    expect(await counts()).toEqual(before);
  });

  it('refuses other content under a stored version (versions are immutable)', async () => {
    const response = await upload(tarGz(bundle('1.0.0', { change: 'other' })));
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('DEPLOY_VERSION_EXISTS');
  });

  it('publishes to the import map with SRI, keeps old versions, and rolls back', async () => {
    const publish = await post('/api/deployments/mfe-demo/publish', { version: '1.0.0' });
    expect(publish.statusCode, publish.body).toBe(200);
    const v1 = (await t.app.inject({ url: '/api/importmap.json' })).json();
    const url1 = v1.imports['@vwu/mfe-demo'] as string;
    expect(url1).toMatch(/^\/bundles\/[0-9a-f]{64}\/mfe-demo\.js$/);
    expect(v1.integrity[url1]).toMatch(/^sha384-/);
    expect(v1.integrity[url1.replace('mfe-demo.js', 'assets/chunk-a1.js')]).toMatch(/^sha384-/);

    expect((await upload(tarGz(bundle('1.1.0')))).statusCode).toBe(201);
    const published = await post('/api/deployments/mfe-demo/publish', { version: '1.1.0' });
    expect(published.json()).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0' });
    const url2 = (await t.app.inject({ url: '/api/importmap.json' })).json().imports['@vwu/mfe-demo'];
    expect(url2).not.toBe(url1);

    const versions = await t.app.inject({
      url: '/api/deployments/mfe-demo/versions',
      headers: { authorization: `Bearer ${tokens['deployer.central']}` },
    });
    expect(versions.json()).toMatchObject({
      currentVersion: '1.1.0',
      versions: [
        { version: '1.1.0', current: true },
        { version: '1.0.0', current: false },
      ],
    });

    const back = await post('/api/deployments/mfe-demo/rollback', {});
    expect(back.json()).toMatchObject({ version: '1.0.0', previousVersion: '1.1.0' });
    expect((await t.app.inject({ url: '/api/importmap.json' })).json().imports['@vwu/mfe-demo']).toBe(url1);
    const named = await post('/api/deployments/mfe-demo/rollback', { version: '1.1.0' });
    expect(named.json()).toMatchObject({ version: '1.1.0', previousVersion: '1.0.0' });
  });

  it('serves both versions’ files immutable, gzip when asked, 304 on a matching ETag', async () => {
    const map = (await t.app.inject({ url: '/api/importmap.json' })).json();
    const entryUrl = map.imports['@vwu/mfe-demo'] as string;
    const wasmUrl = entryUrl.replace('mfe-demo.js', 'assets/big.wasm');
    const wasm = await t.app.inject({ url: `/_console${wasmUrl}`, headers: { 'accept-encoding': 'gzip' } });
    expect(wasm.statusCode, wasm.body).toBe(200);
    expect(wasm.headers).toMatchObject({
      'content-type': 'application/wasm',
      'content-encoding': 'gzip',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    const entry = await t.app.inject({ url: `/_console${entryUrl}` });
    expect(entry.body).toBe(ENTRY);
    const again = await t.app.inject({
      url: `/_console${entryUrl}`,
      headers: { 'if-none-match': String(entry.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(
      (await t.app.inject({ url: `/_console${entryUrl.replace('mfe-demo.js', 'nope.js')}` })).statusCode,
    ).toBe(404);
  });

  it('audits every upload, publish and roll back with who and what', async () => {
    const { rows } = await t.store.query<{
      action: string;
      actor_user_id: number;
      after: { version: string };
    }>("SELECT action, actor_user_id, after FROM audit_log WHERE action LIKE 'deployment.%' ORDER BY id");
    expect(rows.map((r) => `${r.action} ${r.after.version}`)).toEqual([
      'deployment.upload 1.0.0',
      'deployment.publish 1.0.0',
      'deployment.upload 1.1.0',
      'deployment.publish 1.1.0',
      'deployment.rollback 1.0.0',
      'deployment.rollback 1.1.0',
    ]);
    expect(new Set(rows.map((r) => r.actor_user_id)).size).toBe(1);
  });

  it.each([
    { who: 'admin', status: 403 },
    { who: 'analyst.central', status: 403 },
    { who: 'nobody', status: 401 },
  ])('refuses $who (module deployers only)', async ({ who, status }) => {
    const token = tokens[who] ?? 'x.y.z';
    expect((await upload(tarGz(bundle('9.0.0')), 'mfe-demo', token)).statusCode).toBe(status);
    expect((await post('/api/deployments/mfe-demo/rollback', {}, token)).statusCode).toBe(status);
  });
});

const big = Buffer.alloc(300 * 1024, 1);
const BAD: ReadonlyArray<{
  case: string;
  archive: () => Buffer;
  app?: string;
  type?: string;
  status: number;
  code: string;
  says?: RegExp;
}> = [
  {
    case: 'not gzip',
    archive: () => Buffer.from('hello, not an archive'),
    status: 400,
    code: 'DEPLOY_ARCHIVE_MALFORMED',
  },
  {
    case: 'gzip but not tar',
    archive: () => gzipSync(Buffer.from('x'.repeat(2000))),
    status: 400,
    code: 'DEPLOY_ARCHIVE_MALFORMED',
  },
  {
    case: 'cut short',
    archive: () => tarGz(bundle('2.0.0')).subarray(0, 60),
    status: 400,
    code: 'DEPLOY_ARCHIVE_MALFORMED',
  },
  {
    case: 'a ../ path',
    archive: () => tarGz(bundle('2.0.0', { extra: [{ path: '../escape.js', data: Buffer.from('1') }] })),
    status: 400,
    code: 'DEPLOY_ARCHIVE_MALFORMED',
    says: /escape/,
  },
  {
    case: 'an absolute path',
    archive: () => tarGz(bundle('2.0.0', { extra: [{ path: '/etc/x.js', data: Buffer.from('1') }] })),
    status: 400,
    code: 'DEPLOY_ARCHIVE_MALFORMED',
  },
  {
    case: 'a symlink',
    archive: () => tarGz(bundle('2.0.0', { extra: [{ path: 'link', data: Buffer.alloc(0), type: '2' }] })),
    status: 400,
    code: 'DEPLOY_ARCHIVE_MALFORMED',
    says: /link/,
  },
  {
    case: 'a gzip bomb over the unpacked limit',
    archive: () => tarGz(bundle('2.0.0', { extra: [{ path: 'zeros.bin', data: big }] })),
    status: 413,
    code: 'DEPLOY_ARCHIVE_TOO_LARGE',
  },
  {
    case: 'too many files',
    archive: () =>
      tarGz(
        bundle('2.0.0', {
          extra: Array.from({ length: 20 }, (_, i) => ({ path: `f${i}.txt`, data: Buffer.from('1') })),
        }),
      ),
    status: 413,
    code: 'DEPLOY_ARCHIVE_TOO_LARGE',
  },
  {
    case: 'an archive over the upload limit',
    archive: () => Buffer.alloc(70 * 1024, 3),
    status: 413,
    code: 'DEPLOY_ARCHIVE_TOO_LARGE',
  },
  {
    case: 'no deploy.json',
    archive: () => tarGz(bundle('2.0.0').slice(1)),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /deploy\.json/,
  },
  {
    case: 'deploy.json not JSON',
    archive: () => tarGz([{ path: 'deploy.json', data: Buffer.from('{') }, ...bundle('2.0.0').slice(1)]),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
  },
  {
    case: 'another module’s name',
    archive: () => tarGz(bundle('2.0.0')),
    app: 'mfe-other',
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /mfe-other/,
  },
  {
    case: 'a reserved name',
    archive: () => tarGz(bundle('2.0.0')),
    app: 'root-config',
    status: 400,
    code: 'DEPLOY_APP_INVALID',
  },
  {
    case: 'a bad version',
    archive: () => tarGz(bundle('v2')),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /version/,
  },
  {
    case: 'the entry missing',
    archive: () => tarGz(bundle('2.0.0').filter((f) => f.path !== './mfe-demo.js')),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /mfe-demo\.js/,
  },
  {
    case: 'no unmount',
    archive: () => tarGz(bundle('2.0.0', { entry: 'const l=1;export{l as bootstrap,l as mount};' })),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /unmount/,
  },
  {
    case: 'extra exports',
    archive: () =>
      tarGz(
        bundle('2.0.0', { entry: 'const l=1;export{l as bootstrap,l as mount,l as unmount,l as secret};' }),
      ),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /secret/,
  },
  {
    case: 'an import the map lacks',
    archive: () =>
      tarGz(
        bundle('2.0.0', {
          entry: 'import "lodash";const l=1;export{l as bootstrap,l as mount,l as unmount};',
        }),
      ),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /lodash/,
  },
  {
    case: 'a missing chunk',
    archive: () =>
      tarGz(
        bundle('2.0.0', {
          entry: 'import "./assets/gone.js";const l=1;export{l as bootstrap,l as mount,l as unmount};',
        }),
      ),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /gone/,
  },
  {
    case: 'code from another host',
    archive: () =>
      tarGz(
        bundle('2.0.0', {
          entry:
            'import "https://cdn.example/x.js";const l=1;export{l as bootstrap,l as mount,l as unmount};',
        }),
      ),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /another host/,
  },
  {
    case: 'a shared name in its map',
    archive: () =>
      tarGz(
        bundle('2.0.0', {
          manifest: {
            name: '@vwu/mfe-demo',
            version: '2.0.0',
            importMap: { imports: { '@vwu/mfe-demo': './mfe-demo.js', vue: './mfe-demo.js' } },
          },
        }),
      ),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /vue/,
  },
  {
    case: 'a tampered file (SRI mismatch)',
    archive: () =>
      tarGz(
        bundle('2.0.0', {
          manifest: {
            name: '@vwu/mfe-demo',
            version: '2.0.0',
            importMap: {
              imports: { '@vwu/mfe-demo': './mfe-demo.js' },
              integrity: { './mfe-demo.js': 'sha384-AAAA' },
            },
          },
        }),
      ),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
    says: /integrity/,
  },
  {
    case: 'an HTML page',
    archive: () => tarGz(bundle('2.0.0', { extra: [{ path: 'x.html', data: Buffer.from('<script>') }] })),
    status: 422,
    code: 'DEPLOY_BUNDLE_INVALID',
  },
  {
    case: 'a JSON body',
    archive: () => Buffer.from('{"a":1}'),
    type: 'application/json',
    status: 415,
    code: 'DEPLOY_ARCHIVE_TYPE',
  },
];

describe('bad uploads: a clear 4xx, nothing written', () => {
  it.each(BAD)('$case → $status $code', async ({ archive, app, type, status, code, says }) => {
    const before = await counts();
    const response = await upload(archive(), app, tokens['deployer.central'], type);
    expect(response.statusCode, response.body).toBe(status);
    const error = response.json().error;
    expect(error.code).toBe(code);
    if (says !== undefined) expect(error.message).toMatch(says);
    expect(error.message_vi.length).toBeGreaterThan(20);
    expect(await counts()).toEqual(before);
  });

  it.each([
    {
      case: 'an unknown version',
      url: '/api/deployments/mfe-demo/publish',
      body: { version: '7.7.7' },
      status: 404,
      code: 'DEPLOY_VERSION_NOT_FOUND',
    },
    {
      case: 'nothing earlier to roll back to',
      url: '/api/deployments/mfe-nothing/rollback',
      body: {},
      status: 409,
      code: 'DEPLOY_NOTHING_TO_ROLL_BACK',
    },
  ])('publishing $case → $status', async ({ url, body, status, code }) => {
    const response = await post(url, body);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
  });
});
