/**
 * One demo-data run: builds the world, writes `events.ndjson` and/or `members.ndjson` into a folder with a
 * `demo-manifest.json` describing what was made (options, counts per event type, sizes, SHA-256).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hierarchy } from '@vwu/contracts';
import { generateEvents, type EventProgress } from './events.js';
import { eventLine } from './event-line.js';
import { NdjsonWriter } from './ndjson.js';
import { generateMembers } from './people/registry.js';
import type { DemoScale } from './scale.js';
import { buildWorld } from './world.js';

/** What to generate and where. */
export interface DemoRunOptions {
  seed: number;
  scale: DemoScale;
  from: string;
  to: string;
  /** Output folder; `null` counts and hashes without writing (benchmarks). */
  outDir: string | null;
  what: 'events' | 'members' | 'all';
}

/** A summary of one file written by a run. */
export interface DemoFileSummary {
  lines: number;
  bytes: number;
  sha256: string;
}

/** The manifest written beside the data. */
export interface DemoManifest {
  generator: 'vwu-demo';
  version: 1;
  demo: true;
  seed: number;
  scale: DemoScale;
  from: string;
  to: string;
  events?: DemoFileSummary & { byType: Record<string, number> };
  members?: DemoFileSummary;
}

/** Progress callbacks of a run. */
export interface DemoRunHooks {
  onMonth?: (progress: EventProgress, events: number) => void;
  onMembers?: (members: number) => void;
}

/** Runs the generator as `options` say and returns the manifest (also written to the folder). */
export async function runDemo(
  hierarchy: Hierarchy,
  options: DemoRunOptions,
  hooks: DemoRunHooks = {},
): Promise<DemoManifest> {
  const world = buildWorld(hierarchy, options.seed, options.scale);
  if (options.outDir) await mkdir(options.outDir, { recursive: true });
  const path = (name: string): string | null => (options.outDir ? join(options.outDir, name) : null);
  const manifest: DemoManifest = {
    generator: 'vwu-demo',
    version: 1,
    demo: true,
    seed: options.seed,
    scale: options.scale,
    from: options.from,
    to: options.to,
  };

  if (options.what !== 'members') {
    const writer = new NdjsonWriter(path('events.ndjson'), eventLine);
    const byType: Record<string, number> = {};
    let count = 0;
    const months = generateEvents(world, options, (progress) => hooks.onMonth?.(progress, count));
    for (const batch of months) {
      for (const event of batch) byType[event.type] = (byType[event.type] ?? 0) + 1;
      count += batch.length;
      await writer.writeAll(batch);
    }
    manifest.events = { ...(await writer.close()), byType: sortKeys(byType) };
  }
  if (options.what !== 'events') {
    const writer = new NdjsonWriter(path('members.ndjson'));
    let count = 0;
    for (const member of generateMembers(world, hierarchy, options.to)) {
      await writer.write(member);
      if (++count % 100_000 === 0) hooks.onMembers?.(count);
    }
    manifest.members = await writer.close();
  }
  if (options.outDir)
    await writeFile(join(options.outDir, 'demo-manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
