import { describe, expect, it } from 'vitest';
import {
  ManifestError,
  monthsBetween,
  parseManifest,
  selectPartitions,
  toLoadFiles,
  totalBytes,
  type AnalyticsManifest,
  type ManifestFile,
} from '../src/engine/index.js';

function file(type: string, province: string, month: string, n = 0): ManifestFile {
  const path = `events/type=${type}/province=${province.replace(':', '_')}/month=${month}/c-${n}.parquet`;
  return {
    path,
    type,
    province,
    month,
    rows: 10,
    bytes: 1000 + n,
    min_time: `${month}-01T00:00:00.000Z`,
    max_time: `${month}-02T00:00:00.000Z`,
    sha256: String(n).padStart(64, '0'),
  };
}

const MANIFEST: AnalyticsManifest = {
  version: 1,
  generation: 7,
  generated_at: '2026-11-21T00:00:00Z',
  rollups: [],
  files: [
    file('meeting.held', '2025:80', '2026-10', 1),
    file('meeting.held', '2025:80', '2026-11', 2),
    file('meeting.held', '2025:80', '2026-11', 3),
    file('meeting.held', '2025:04', '2026-11', 4),
    file('post.published', '2025:80', '2026-11', 5),
    file('member.joined', '2025:80', '2026-11', 6),
    file('meeting.held', '2025:80', '2025-11', 7),
    file('document.received', '2025:TW', '2026-11', 8),
  ],
};

describe('monthsBetween', () => {
  it.each([
    { from: '2026-11', to: '2026-11', months: ['2026-11'] },
    { from: '2025-11', to: '2026-02', months: ['2025-11', '2025-12', '2026-01', '2026-02'] },
    { from: '2026-03', to: '2026-02', months: [] },
  ])('$from..$to', ({ from, to, months }) => {
    expect(monthsBetween(from, to)).toEqual(months);
  });
});

describe('selectPartitions: only the partitions a view needs', () => {
  it.each([
    {
      name: 'a province, one month, one type: both files of the partition',
      need: { provinces: ['2025:80'], months: ['2026-11'], types: ['meeting.held'] },
      shas: [2, 3],
    },
    {
      name: 'two months, two types, ordered by type then month',
      need: {
        provinces: ['2025:80'],
        months: ['2026-10', '2026-11'],
        types: ['post.published', 'meeting.held'],
      },
      shas: [1, 2, 3, 5],
    },
    {
      name: 'never another province',
      need: { provinces: ['2025:04'], months: ['2026-11'], types: ['meeting.held', 'post.published'] },
      shas: [4],
    },
    {
      name: 'never a month outside the range (a year earlier)',
      need: { provinces: ['2025:80'], months: ['2026-10'], types: ['meeting.held'] },
      shas: [1],
    },
    {
      name: 'never a type the view does not read',
      need: { provinces: ['2025:80'], months: ['2026-11'], types: ['post.published'] },
      shas: [5],
    },
    { name: 'nothing asked, nothing fetched', need: { provinces: [], months: [], types: [] }, shas: [] },
  ])('$name', ({ need, shas }) => {
    const selected = selectPartitions(MANIFEST, need);
    expect(selected.map((f) => Number(f.sha256))).toEqual(shas);
    expect(totalBytes(selected)).toBe(shas.reduce((s, n) => s + 1000 + n, 0));
  });

  it('resolves file URLs against the data base, and keeps a URL the API gave', () => {
    const files = [
      file('meeting.held', '2025:80', '2026-11', 2),
      { ...file('post.published', '2025:80', '2026-11', 5), url: '/signed/abc?sig=1' },
      // The API's signed URL, relative to its /analytics/ (the worker sends no token).
      {
        ...file('document.issued', '2025:80', '2026-11', 6),
        url: 'files/events/type=document.issued/c-6.parquet?exp=1795000000&sig=AbC_9',
      },
    ];
    const out = toLoadFiles(files, '/api/analytics', 'https://console.example.vn/kpi?unit=2025:80');
    expect(out.map((f) => f.url)).toEqual([
      'https://console.example.vn/api/analytics/events/type=meeting.held/province=2025_80/month=2026-11/c-2.parquet',
      'https://console.example.vn/signed/abc?sig=1',
      'https://console.example.vn/api/analytics/files/events/type=document.issued/c-6.parquet?exp=1795000000&sig=AbC_9',
    ]);
    expect(out[0]).toMatchObject({
      eventType: 'meeting.held',
      province: '2025:80',
      month: '2026-11',
      rows: 10,
    });
  });
});

describe('parseManifest', () => {
  it('reads a version-1 manifest (rollups optional)', () => {
    const { rollups, ...rest } = MANIFEST;
    expect(rollups).toEqual([]);
    expect(parseManifest(JSON.parse(JSON.stringify(rest))).files).toHaveLength(8);
  });

  it.each([
    { name: 'not an object', value: 'x', message: 'not an object' },
    { name: 'another version', value: { ...MANIFEST, version: 2 }, message: 'version 2' },
    {
      name: 'an absolute path',
      value: { ...MANIFEST, files: [{ ...MANIFEST.files[0], path: '/etc/passwd' }] },
      message: 'files[0].path',
    },
    {
      name: 'a path going up',
      value: { ...MANIFEST, files: [{ ...MANIFEST.files[0], path: 'events/../../x' }] },
      message: 'files[0].path',
    },
    {
      name: 'a bad sha256',
      value: { ...MANIFEST, files: [{ ...MANIFEST.files[0], sha256: 'ABC' }] },
      message: 'files[0].sha256',
    },
    {
      name: 'a bad month',
      value: { ...MANIFEST, files: [{ ...MANIFEST.files[0], month: '2026-M11' }] },
      message: 'files[0].month',
    },
  ])('refuses $name', ({ value, message }) => {
    expect(() => parseManifest(value)).toThrow(ManifestError);
    expect(() => parseManifest(value)).toThrow(message);
  });
});
