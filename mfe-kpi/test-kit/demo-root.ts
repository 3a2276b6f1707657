// A cached demo data root for the preview, the screenshots and the benchmark: generated once per
// (scale, range, provinces) under the repository's git-ignored `.cache/mfe-kpi/`, reused afterwards.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '@vwu/pipeline';
import { writeDemoData, type DemoDataOptions } from './demo-data.ts';

const cacheDir = fileURLToPath(new URL('../../.cache/mfe-kpi/', import.meta.url));

/** A data root for these options, generated when missing. */
export function demoRoot(options: Omit<DemoDataOptions, 'out'>): { root: string; manifest: Manifest } {
  const name = [
    options.scale,
    options.seed ?? 2025,
    options.from,
    options.to,
    ...(options.provinces ?? ['all']),
  ]
    .join('_')
    .replace(/[^\w.-]/g, '-');
  const root = join(cacheDir, name);
  if (!existsSync(join(root, 'manifest.json'))) writeDemoData({ ...options, out: root });
  return { root, manifest: JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest };
}
