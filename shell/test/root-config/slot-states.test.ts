import { describe, expect, it } from 'vitest';
import { createSlotStates } from '../../src/root-config/slot-states.js';

describe('slot states', () => {
  it('walks idle → loading → done → idle', () => {
    const slots = createSlotStates(['@vwu/a']);
    const seen = [slots.get('@vwu/a').status];
    for (const status of ['loading', 'done', 'idle'] as const) {
      slots.set('@vwu/a', status);
      seen.push(slots.get('@vwu/a').status);
    }
    expect(seen).toEqual(['idle', 'loading', 'done', 'idle']);
    expect(slots.get('@vwu/a').container.id).toBe('single-spa-application:@vwu/a');
  });

  it('keeps the first failure: the unmount that follows a failed mount does not hide the panel', () => {
    const slots = createSlotStates(['@vwu/a']);
    slots.fail('@vwu/a', 'timeout', 'mount of @vwu/a did not finish within 10000 ms');
    slots.set('@vwu/a', 'idle');
    slots.fail('@vwu/a', 'mount', 'later report');
    expect(slots.get('@vwu/a')).toMatchObject({ status: 'error', failure: { kind: 'timeout' } });
  });

  it('a retry gets a fresh container, so a late answer of a timed-out mount lands in the old one', () => {
    const slots = createSlotStates(['@vwu/a']);
    const old = slots.get('@vwu/a').container;
    slots.fail('@vwu/a', 'timeout', 'slow');
    slots.renew('@vwu/a');
    expect(slots.get('@vwu/a')).toMatchObject({ status: 'loading', failure: null });
    expect(slots.get('@vwu/a').container).not.toBe(old);
  });

  it('a new attempt (single-spa reloads a LOAD_ERROR app) clears the failure', () => {
    const slots = createSlotStates(['@vwu/a']);
    slots.fail('@vwu/a', 'load', '404');
    slots.set('@vwu/a', 'loading');
    expect(slots.get('@vwu/a')).toMatchObject({ status: 'loading', failure: null });
  });

  it('refuses names outside the layout', () => {
    expect(() => createSlotStates([]).get('@vwu/x')).toThrow('@vwu/x is not an application of the layout');
  });
});
