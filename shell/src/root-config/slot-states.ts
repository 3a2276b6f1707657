import { shallowReactive } from 'vue';
import type { LoadState } from '@vwu/context';
import type { FailureKind } from './slot-error.js';

/** What one application's slot shows. */
export interface SlotState {
  /** 'idle': not active; 'loading': code loading or mounting; 'done': mounted; 'error': the panel. */
  status: LoadState;
  failure: { kind: FailureKind; message: string } | null;
  /** The element the application renders in; a new one for every retry. */
  container: HTMLElement;
}

/** The slots' states, reactive for the shell's components. */
export interface SlotStates {
  /** The state of an application's slot. */
  get(name: string): SlotState;
  has(name: string): boolean;
  /** Moves a slot to 'idle', 'loading' or 'done' (a failure is kept until a retry or a new mount). */
  set(name: string, status: Exclude<LoadState, 'error'>): void;
  /** Shows the error panel. */
  fail(name: string, kind: FailureKind, message: string): void;
  /** Before a retry: a fresh container (a late answer of a timed-out mount lands in the old one) and 'loading'. */
  renew(name: string): void;
}

function container(name: string): HTMLElement {
  const element = document.createElement('div');
  element.id = `single-spa-application:${name}`;
  element.className = 'slot-app';
  return element;
}

/**
 * Slot states for the applications of the layout.
 *
 * @example const slots = createSlotStates(['@vwu/mfe-members']); slots.fail('@vwu/mfe-members', 'load', '404');
 */
export function createSlotStates(names: readonly string[]): SlotStates {
  const states = shallowReactive(new Map<string, SlotState>());
  for (const name of names) states.set(name, { status: 'idle', failure: null, container: container(name) });
  const get = (name: string): SlotState => {
    const state = states.get(name);
    if (state === undefined) throw new Error(`${name} is not an application of the layout`);
    return state;
  };
  return {
    get,
    has: (name) => states.has(name),
    set(name, status) {
      const current = get(name);
      if (current.status === 'error' && status === 'idle') return;
      if (current.status !== status || current.failure !== null)
        states.set(name, { ...current, status, failure: null });
    },
    fail(name, kind, message) {
      const current = get(name);
      if (current.status !== 'error')
        states.set(name, { ...current, status: 'error', failure: { kind, message } });
    },
    renew(name) {
      states.set(name, { status: 'loading', failure: null, container: container(name) });
    },
  };
}
