// A cached demo data root for the preview, the screenshots and the benchmark: generated once per
// (scale, range, provinces) under the repository's git-ignored `.cache/mfe-kpi/`, reused afterwards.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '@vwu/pipeline';
import { writeDemoData, type DemoDataOptions } from './demo-data.ts';

const cacheDir = fileURLToPath(new URL('../../.cache/mfe-kpi/', import.meta.url));

/** How a cached root was generated (`generated.json` next to its manifest). */
export interface Generation {
  ms: number;
  events: number;
  bytes: number;
  at: string;
}

/** A data root for these options, generated when missing (with how long that took). */
export function demoRoot(options: Omit<DemoDataOptions, 'out'>): {
  root: string;
  manifest: Manifest;
  generation: Generation | null;
} {
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
  const record = join(root, 'generated.json');
  if (!existsSync(join(root, 'manifest.json'))) {
    const began = Date.now();
    const written = writeDemoData({ ...options, out: root });
    const generation: Generation = {
      ms: Date.now() - began,
      events: written.events,
      bytes: written.bytes,
      at: new Date().toISOString(),
    };
    writeFileSync(record, `${JSON.stringify(generation)}\n`);
  }
  return {
    root,
    manifest: JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Manifest,
    generation: existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as Generation) : null,
  };
}
