// The browser's reading of manifest.json fits what the pipeline writes: at compile time (the pipeline's
// Manifest type is assignable to the browser's) and on a real data root written with the pipeline's Arrow
// batch builder and Parquet encoder.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Manifest } from '@vwu/pipeline';
import { parseManifest, selectPartitions, type AnalyticsManifest } from '../../src/engine/index.js';
import { writeDemoData } from '../../test-kit/demo-data.js';

/** Compiles only while the pipeline's manifest fits the browser's. */
const fits = (manifest: Manifest): AnalyticsManifest => manifest;

describe('manifest.json from the pipeline', () => {
  const data = writeDemoData({
    out: join(tmpdir(), `vwu-kpi-manifest-${process.pid}`),
    scale: 'small',
    from: '2026-10-01',
    to: '2026-10-31',
  });

  it('parses, and every listed file is there with its size and SHA-256', () => {
    const manifest = parseManifest(JSON.parse(readFileSync(join(data.root, 'manifest.json'), 'utf8')));
    expect(fits(data.manifest).files).toHaveLength(manifest.files.length);
    expect(manifest.files.length).toBeGreaterThan(20);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(data.root, file.path));
      expect(bytes.byteLength).toBe(file.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }
  });

  it('partitions by current province and Vietnam month: a province dashboard selects only its own', () => {
    const manifest = parseManifest(data.manifest);
    const picked = selectPartitions(manifest, {
      provinces: ['2025:80'],
      months: ['2026-10'],
      types: ['meeting.held'],
    });
    expect(picked.length).toBeGreaterThan(0);
    expect(
      picked.every((f) => f.path.startsWith('events/type=meeting.held/province=2025_80/month=2026-10/')),
    ).toBe(true);
    expect(new Set(manifest.files.map((f) => f.province))).toEqual(
      new Set(['2025:04', '2025:80', '2025:TW']),
    );
  });
});
