import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '@vwu/contracts';
import { loadHierarchy } from '@vwu/contracts/node';
import { buildWorld, generateMembers, type DemoMember } from '@vwu/pipeline';

const hierarchy = loadHierarchy();
const world = buildWorld(hierarchy, 2025, 'small');
const members: DemoMember[] = [...generateMembers(world, hierarchy, '2026-11-21')];

describe('demo member registry', () => {
  it('has the small scale’s members, all marked as demo data', () => {
    expect(members.length).toBeGreaterThan(8_000);
    expect(members.length).toBeLessThan(14_000);
    expect(members.every((m) => m.demo === true)).toBe(true);
  });

  it('gives every record its own member key, second registrations included', () => {
    expect(new Set(members.map((m) => m.member_key)).size).toBe(members.length);
  });

  it('gives Vietnamese names with diacritics, in both spellings of tone placement', () => {
    const withMarks = members.filter((m) => foldVietnamese(m.full_name) !== m.full_name.toLowerCase());
    expect(withMarks.length / members.length).toBeGreaterThan(0.9);
    expect(members.some((m) => m.full_name.endsWith('Hoà'))).toBe(true);
    expect(members.some((m) => m.full_name.endsWith('Hòa'))).toBe(true);
  });

  it('keeps adults who joined after turning 18, with valid dates', () => {
    for (const m of members.slice(0, 2000)) {
      const age = (Date.parse(m.joined_on) - Date.parse(m.date_of_birth)) / (365.25 * 86_400_000);
      expect(age).toBeGreaterThanOrEqual(17.9);
      expect(m.joined_on <= '2026-11-21').toBe(true);
      if (m.card_activated_on) expect(m.card_activated_on >= m.joined_on).toBe(true);
    }
  });

  it('has a Kinh majority nationally but a minority majority in Cao Bằng', () => {
    const caoBang = members.filter((m) => m.province === '2025:04');
    const minority = caoBang.filter((m) => m.ethnicity !== 'Kinh').length / caoBang.length;
    expect(minority).toBeGreaterThan(0.7);
    const tayNinh = members.filter((m) => m.province === '2025:80');
    expect(tayNinh.filter((m) => m.ethnicity === 'Kinh').length / tayNinh.length).toBeGreaterThan(0.9);
  });

  it('has Vietnamese mobile numbers for most members', () => {
    const phones = members.map((m) => m.phone).filter((p): p is string => p !== null);
    expect(phones.length / members.length).toBeGreaterThan(0.75);
    expect(phones.every((p) => /^0[35789]\d{8}$/.test(p))).toBe(true);
  });

  it('registers some migrant members twice, for duplicate detection to find', () => {
    const seen = new Map<string, number>();
    for (const m of members) {
      const key = `${foldVietnamese(m.full_name)}|${m.date_of_birth}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect([...seen.values()].filter((n) => n > 1).length).toBeGreaterThan(5);
  });

  it('has one branch head per branch that has members', () => {
    const heads = members.filter((m) => m.roles.includes('branch_head'));
    expect(new Set(heads.map((m) => m.branch)).size).toBe(heads.length);
  });
});
