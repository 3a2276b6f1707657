#!/usr/bin/env node
/**
 * `vwu-demo` — generates the deterministic demo data set.
 *
 *   vwu-demo [events|members|all] --scale small|medium|national --seed 2025
 *            --from 2024-01-01 --to <today> --out var/demo
 */
import { parseArgs } from 'node:util';
import { loadHierarchy } from '@vwu/contracts/node';
import { todayInVietnam } from './calendar.js';
import { runDemo, type DemoRunOptions } from './run.js';
import { parseScale, SCALES } from './scale.js';

const USAGE = `usage: vwu-demo [events|members|all] [--scale small|medium|national] [--seed N]
                [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out DIR]`;

function parseOptions(argv: string[]): DemoRunOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      scale: { type: 'string', default: 'medium' },
      seed: { type: 'string', default: '2025' },
      from: { type: 'string', default: '2024-01-01' },
      to: { type: 'string', default: todayInVietnam(Date.now()) },
      out: { type: 'string', default: 'var/demo' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const what = positionals[0] ?? 'all';
  if (what !== 'events' && what !== 'members' && what !== 'all')
    throw new Error(`unknown part "${what}"; expected events, members or all`);
  const seed = Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  return {
    what,
    seed,
    scale: parseScale(values.scale),
    from: values.from,
    to: values.to,
    outDir: values.out,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const hierarchy = loadHierarchy();
  const bounds = SCALES[options.scale].expected;
  console.error(
    `[demo] scale ${options.scale} (expected ${bounds.members.join('–')} members, ${bounds.events.join('–')} events for 2024-01 → 2026-11), seed ${options.seed}, ${options.from} → ${options.to} → ${options.outDir}`,
  );
  let lastLog = 0;
  const manifest = await runDemo(hierarchy, options, {
    onMonth: (p, events) => {
      const now = performance.now();
      if (now - lastLog < 1000 && p.monthIndex > 0) return;
      lastLog = now;
      const rate = events / ((now - started) / 1000);
      console.error(
        `[demo] events: month ${p.month} (${p.monthIndex + 1}/${p.months}), ${events.toLocaleString('en')} so far, ${Math.round(rate).toLocaleString('en')}/s`,
      );
    },
    onMembers: (members) => console.error(`[demo] members: ${members.toLocaleString('en')}`),
  });
  const seconds = (performance.now() - started) / 1000;
  if (manifest.events)
    console.error(
      `[demo] events: ${manifest.events.lines.toLocaleString('en')} (${(manifest.events.bytes / 1e6).toFixed(1)} MB)`,
    );
  if (manifest.members)
    console.error(
      `[demo] members: ${manifest.members.lines.toLocaleString('en')} (${(manifest.members.bytes / 1e6).toFixed(1)} MB)`,
    );
  console.error(`[demo] done in ${seconds.toFixed(1)} s`);
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
