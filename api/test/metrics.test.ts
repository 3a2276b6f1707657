// The Prometheus text format of the metrics registry.
import { describe, expect, it } from 'vitest';
import { MetricsRegistry } from '../src/index.js';

describe('MetricsRegistry', () => {
  it('renders counters with labels, escaping label values', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter('things_total', 'Things seen.');
    counter.inc({ kind: 'a"b\\c\nd' });
    counter.inc({ kind: 'x' }, 2);
    expect(counter.get({ kind: 'x' })).toBe(2);
    expect(registry.render()).toBe(
      '# HELP things_total Things seen.\n# TYPE things_total counter\n' +
        'things_total{kind="a\\"b\\\\c\\nd"} 1\nthings_total{kind="x"} 2\n',
    );
  });

  it('renders an untouched counter as 0', () => {
    const registry = new MetricsRegistry();
    registry.counter('idle_total', 'Nothing yet.');
    expect(registry.render()).toContain('\nidle_total 0\n');
  });

  it('renders histograms with cumulative buckets, +Inf, sum and count', () => {
    const registry = new MetricsRegistry();
    const h = registry.histogram('latency_seconds', 'Latency.', [0.1, 1]);
    for (const v of [0.05, 0.5, 5]) h.observe({ route: '/x' }, v);
    expect(registry.render().split('\n')).toEqual([
      '# HELP latency_seconds Latency.',
      '# TYPE latency_seconds histogram',
      'latency_seconds_bucket{route="/x",le="0.1"} 1',
      'latency_seconds_bucket{route="/x",le="1"} 2',
      'latency_seconds_bucket{route="/x",le="+Inf"} 3',
      'latency_seconds_sum{route="/x"} 5.55',
      'latency_seconds_count{route="/x"} 3',
      '',
    ]);
  });
});
