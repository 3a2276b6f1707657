import { describe, expect, it } from 'vitest';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateEvents, generateMembers } from '@vwu/pipeline';

const hierarchy = loadHierarchy();
const world = buildWorld(hierarchy, 11, 'small');
const TO = '2026-10-31';
const members = [...generateMembers(world, hierarchy, TO, { duplicates: false })];
const events = [...generateEvents(world, { from: '2025-07-01', to: TO })].flat();

describe('events and registry agree', () => {
  it('every member who joined since July 2025 has a member.joined event with her key, and no other', () => {
    const joined = new Set(
      events
        .filter((e) => e.type === 'member.joined')
        .map((e) => (e.attrs as { member_key: string }).member_key),
    );
    const registered = members.filter((m) => m.joined_on >= '2025-07-01');
    expect(registered.length).toBeGreaterThan(100);
    expect(registered.filter((m) => !joined.has(m.member_key)).map((m) => m.member_key)).toEqual([]);
    const keys = new Set(members.map((m) => m.member_key));
    expect([...joined].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('card activations since July 2025 match the registry’s activation dates', () => {
    const activated = events.filter((e) => e.type === 'card.activated').length;
    const registered = members.filter(
      (m) => m.card_activated_on !== null && m.card_activated_on >= '2025-07-01',
    ).length;
    expect(activated).toBe(registered);
  });

  it('the October 2026 registry snapshots add up to the members on the roll at the end of the month', () => {
    const snapshots = events.filter(
      (e) => e.type === 'registry.snapshot' && e.occurred_at.startsWith('2026-10'),
    );
    const total = snapshots.reduce((sum, e) => sum + (e.attrs as { members_total: number }).members_total, 0);
    const cards = snapshots.reduce((sum, e) => sum + (e.attrs as { cards_active: number }).cards_active, 0);
    const onRoll = members.filter((m) => m.joined_on <= TO && (m.left_on === null || m.left_on > TO));
    expect(total).toBe(onRoll.length);
    expect(cards).toBe(
      onRoll.filter((m) => m.card_activated_on !== null && m.card_activated_on <= TO).length,
    );
  });
});
