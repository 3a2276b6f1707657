import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { ApiError, LoadState } from '@vwu/context';
import {
  addTraining,
  getMember,
  issueCard,
  proposeTransfer,
  removeTraining,
  revokeCard,
  updateMember,
} from '../api/members-api.js';
import type { IssuedCard, MemberCreateIn, MemberFull, TrainingCreateIn } from '../api/wire.js';
import { isAbort, shownError } from '../lib/errors.js';

/** What a profile action is doing. */
export type ActionState = 'idle' | 'busy' | 'done' | 'error';

/** The fields of `next` that differ from `current` (a PATCH sends only what changed). */
export function changedFields(current: MemberFull, next: MemberCreateIn): Partial<MemberCreateIn> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    const before = (current as unknown as Record<string, unknown>)[field];
    if (JSON.stringify(before ?? null) !== JSON.stringify(value ?? null)) out[field] = value;
  }
  return out as Partial<MemberCreateIn>;
}

/**
 * One member's profile within the selected unit: load, edit (optimistic concurrency: the `version` read is
 * sent back, a conflict asks to reload), smart card, transfer and training records. Each action has its own
 * state and error so one failing does not hide the others.
 */
export const useMemberProfile = defineStore('members.profile', () => {
  const status = ref<LoadState>('idle');
  const member = shallowRef<MemberFull | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const save = ref<ActionState>('idle');
  const saveError = shallowRef<ApiError | null>(null);
  const card = ref<ActionState>('idle');
  const cardError = shallowRef<ApiError | null>(null);
  /** The card just issued: its QR payload is shown once. */
  const issued = shallowRef<IssuedCard | null>(null);
  const transfer = ref<ActionState>('idle');
  const transferError = shallowRef<ApiError | null>(null);
  const training = ref<ActionState>('idle');
  const trainingError = shallowRef<ApiError | null>(null);
  let unitKey = '';
  let controller: AbortController | undefined;

  async function load(key: string, id: string): Promise<void> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    unitKey = key;
    status.value = 'loading';
    error.value = null;
    try {
      member.value = await getMember(key, id, { signal: current.signal });
      status.value = 'done';
    } catch (e) {
      if (isAbort(e)) return;
      member.value = null;
      error.value = shownError(e);
      status.value = 'error';
    }
  }

  async function act(
    state: typeof save,
    problem: typeof saveError,
    work: (m: MemberFull) => Promise<void>,
  ): Promise<boolean> {
    const m = member.value;
    if (m === null) return false;
    state.value = 'busy';
    problem.value = null;
    try {
      await work(m);
      state.value = 'done';
      return true;
    } catch (e) {
      problem.value = shownError(e);
      state.value = 'error';
      return false;
    }
  }

  /** Saves the changed fields; resolves whether it was saved. */
  function update(next: MemberCreateIn): Promise<boolean> {
    return act(save, saveError, async (m) => {
      member.value = await updateMember(unitKey, m.id, { version: m.version, ...changedFields(m, next) });
    });
  }

  /** Issues or re-issues the card, then reloads the profile (its card state changed). */
  function issue(): Promise<boolean> {
    return act(card, cardError, async (m) => {
      issued.value = await issueCard(unitKey, m.id);
      member.value = await getMember(unitKey, m.id);
    });
  }

  /** Revokes the active card. */
  function revoke(reason?: string): Promise<boolean> {
    return act(card, cardError, async (m) => {
      await revokeCard(unitKey, m.id, reason);
      issued.value = null;
      member.value = await getMember(unitKey, m.id);
    });
  }

  /** Proposes a transfer to another unit. */
  function moveTo(toUnitKey: string, reason?: string): Promise<boolean> {
    return act(transfer, transferError, async (m) => {
      await proposeTransfer(unitKey, m.id, toUnitKey, reason);
      member.value = await getMember(unitKey, m.id);
    });
  }

  /** Adds a training record. */
  function train(body: TrainingCreateIn): Promise<boolean> {
    return act(training, trainingError, async (m) => {
      await addTraining(unitKey, m.id, body);
      member.value = await getMember(unitKey, m.id);
    });
  }

  /** Removes a training record. */
  function untrain(trainingId: string): Promise<boolean> {
    return act(training, trainingError, async (m) => {
      await removeTraining(unitKey, m.id, trainingId);
      member.value = await getMember(unitKey, m.id);
    });
  }

  function cancel(): void {
    controller?.abort();
  }

  return {
    status,
    member,
    error,
    save,
    saveError,
    card,
    cardError,
    issued,
    transfer,
    transferError,
    training,
    trainingError,
    load,
    update,
    issue,
    revoke,
    moveTo,
    train,
    untrain,
    cancel,
  };
});
