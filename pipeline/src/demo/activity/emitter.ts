/**
 * Collects the events of one unit in one month, gives each a deterministic id, and hands them out in time
 * order. One emitter is reused for every unit-month, so the generator allocates only the events themselves.
 */
import type { ActivityEvent } from '@vwu/contracts';
import { eventId, isoInstant } from '../ids.js';
import { combine } from '../random.js';

/** Attributes of an event as the generator builds them; the contracts validate them in tests. */
export type Attrs = Record<string, string | number | boolean | null>;

/** The events of one unit-month, in the order they occurred. */
export class UnitMonthEmitter {
  private readonly times: number[] = [];
  private readonly events: ActivityEvent[] = [];
  private stream = 0;
  private unit = '';
  private next = 0;

  /**
   * `horizonMs`: end of the generated range (exclusive). Events dated at or after it are dropped here — but
   * still numbered — so a month's ids never depend on where the range ends.
   */
  constructor(private readonly horizonMs: number) {}

  /** Starts a new unit-month: `stream` makes the ids of this unit-month unique and reproducible. */
  begin(unit: string, unitHash: number, monthIndex: number, seedHash: number): void {
    this.times.length = 0;
    this.events.length = 0;
    this.unit = unit;
    this.next = 0;
    this.stream = combine(combine(seedHash, unitHash), monthIndex);
  }

  /** The stream hash of the current unit-month (for keys derived from it). */
  get streamHash(): number {
    return this.stream;
  }

  /** Records one event at `timeMs` against the current unit (or `unit` when given). */
  emit(type: string, version: number, timeMs: number, attrs: Attrs, unit?: string): void {
    const sequence = this.next++;
    if (timeMs >= this.horizonMs) return;
    const event = {
      event_id: eventId(timeMs, this.stream, sequence),
      type,
      schema_version: version,
      occurred_at: isoInstant(timeMs),
      unit_code: unit ?? this.unit,
      source: 'demo',
      attrs,
    };
    this.times.push(timeMs);
    this.events.push(event as unknown as ActivityEvent);
  }

  /** Number of events emitted so far in this unit-month, including those past the horizon. */
  get sequence(): number {
    return this.next;
  }

  /** The collected events sorted by time (stable, so equal times keep their order). */
  drain(): ActivityEvent[] {
    const times = this.times;
    let sorted = true;
    for (let i = 1; i < times.length && sorted; i++) sorted = (times[i - 1] ?? 0) <= (times[i] ?? 0);
    if (sorted) return this.events.slice();
    const order = this.events.map((_, i) => i);
    order.sort((a, b) => (this.times[a] ?? 0) - (this.times[b] ?? 0) || a - b);
    return order.map((i) => this.events[i] as ActivityEvent);
  }
}
