/**
 * `npm run bench:generate` — demo generator throughput and memory at national scale.
 *
 * A full national run (≈ 19 M members, tens of millions of events over 2024-01 → today) takes minutes, so
 * the benchmark measures a slice: every sixth month of the default range (both structures, every province,
 * national membership), serialised to NDJSON and hashed exactly as the CLI does but not written to disk.
 * It extrapolates the full run's event count from the sampled months and says so. The last line of output
 * is one JSON object with the figures.
 */
import { loadHierarchy } from '@vwu/contracts/node';
import { monthsBetween, todayInVietnam } from './calendar.js';
import { generateEvents } from './events.js';
import { eventLine } from './event-line.js';
import { NdjsonWriter } from './ndjson.js';
import { buildWorld } from './world.js';

const SEED = 2025;
const FROM = '2024-01-01';

function lastDayOf(monthId: string, to: string): string {
  const [y, m] = monthId.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return last < to ? last : to;
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  const to = todayInVietnam(Date.now());
  const t0 = performance.now();
  const hierarchy = loadHierarchy();
  const t1 = performance.now();
  const world = buildWorld(hierarchy, SEED, 'national');
  const t2 = performance.now();
  console.log(
    `hierarchy loaded in ${((t1 - t0) / 1000).toFixed(2)} s; national world built in ${((t2 - t1) / 1000).toFixed(2)} s`,
  );

  const months = monthsBetween(FROM, to);
  const sample = months.filter((_, i) => i % 6 === 0);
  let events = 0;
  let seconds = 0;
  let bytes = 0;
  for (const month of sample) {
    const writer = new NdjsonWriter(null, eventLine);
    const start = performance.now();
    let count = 0;
    for (const batch of generateEvents(world, {
      from: `${month.id}-01` < FROM ? FROM : `${month.id}-01`,
      to: lastDayOf(month.id, to),
    })) {
      count += batch.length;
      await writer.writeAll(batch);
    }
    const summary = await writer.close();
    const elapsed = (performance.now() - start) / 1000;
    events += count;
    seconds += elapsed;
    bytes += summary.bytes;
    console.log(
      `${month.id}: ${count.toLocaleString('en')} events in ${elapsed.toFixed(1)} s (${Math.round(count / elapsed).toLocaleString('en')}/s), peak RSS ${peakRssMb().toFixed(0)} MB`,
    );
  }
  const eventsPerS = events / seconds;
  const fullEvents = (events / sample.length) * months.length;
  console.log(
    `sampled ${sample.length} of ${months.length} months: ${events.toLocaleString('en')} events, ${(bytes / 1e9).toFixed(2)} GB of NDJSON`,
  );
  console.log(
    `extrapolated full national run ${FROM} → ${to}: ≈ ${(fullEvents / 1e6).toFixed(1)} M events, ≈ ${(fullEvents / eventsPerS / 60).toFixed(1)} min at the measured rate`,
  );
  console.log(JSON.stringify({ events_per_s: Math.round(eventsPerS), peak_rss_mb: Math.round(peakRssMb()) }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
