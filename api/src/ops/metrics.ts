/**
 * A small Prometheus registry: counters and histograms with labels, rendered in the text exposition format
 * (version 0.0.4). Enough for the API's own numbers without a client library.
 */

type Labels = Readonly<Record<string, string>>;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: Labels, extra?: [string, string]): string {
  const pairs = Object.entries(labels);
  if (extra !== undefined) pairs.push(extra);
  if (pairs.length === 0) return '';
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

function formatNumber(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  return String(value);
}

interface Metric {
  render(): string[];
}

/** A monotonically increasing count, per label set. */
export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  /** @param name metric name; @param help one line shown by Prometheus. */
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** Adds `n` (default 1) to the count of `labels`. */
  inc(labels: Labels = {}, n = 1): void {
    const id = labelText(labels);
    const entry = this.values.get(id) ?? { labels, value: 0 };
    entry.value += n;
    this.values.set(id, entry);
  }

  /** The current count of `labels` (0 when never incremented). */
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  /** Lines of the text format. */
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const { labels, value } of this.values.values())
      lines.push(`${this.name}${labelText(labels)} ${value}`);
    return lines;
  }
}

/** Default latency buckets, seconds. */
export const DEFAULT_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Observations counted into cumulative buckets, per label set. */
export class Histogram implements Metric {
  private readonly series = new Map<
    string,
    { labels: Labels; counts: number[]; sum: number; count: number }
  >();

  /** @param buckets upper bounds, ascending; `+Inf` is added. */
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = DEFAULT_BUCKETS,
  ) {}

  /** Records one observation for `labels`. */
  observe(labels: Labels, value: number): void {
    const id = labelText(labels);
    const entry = this.series.get(id) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((bound, i) => {
      if (value <= bound) entry.counts[i] = (entry.counts[i] ?? 0) + 1;
    });
    entry.sum += value;
    entry.count += 1;
    this.series.set(id, entry);
  }

  /** Lines of the text format. */
  render(): string[] {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const { labels, counts, sum, count } of this.series.values()) {
      this.buckets.forEach((bound, i) => {
        lines.push(`${this.name}_bucket${labelText(labels, ['le', formatNumber(bound)])} ${counts[i] ?? 0}`);
      });
      lines.push(`${this.name}_bucket${labelText(labels, ['le', '+Inf'])} ${count}`);
      lines.push(`${this.name}_sum${labelText(labels)} ${sum}`);
      lines.push(`${this.name}_count${labelText(labels)} ${count}`);
    }
    return lines;
  }
}

/** The metrics one app exposes at `/metrics`. */
export class MetricsRegistry {
  private readonly metrics: Metric[] = [];

  /** Registers and returns a counter. */
  counter(name: string, help: string): Counter {
    const counter = new Counter(name, help);
    this.metrics.push(counter);
    return counter;
  }

  /** Registers and returns a histogram. */
  histogram(name: string, help: string, buckets?: readonly number[]): Histogram {
    const histogram = new Histogram(name, help, buckets);
    this.metrics.push(histogram);
    return histogram;
  }

  /**
   * All metrics in the Prometheus text format.
   *
   * @example registry.render() // '# HELP http_requests_total …\n# TYPE http_requests_total counter\n…'
   */
  render(): string {
    return `${this.metrics.flatMap((m) => m.render()).join('\n')}\n`;
  }
}
