import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LAYOUT,
  applicationsOf,
  isActiveAt,
  matchesPrefix,
  navigationOf,
  readLayout,
  routeOf,
} from '../../src/root-config/layout.js';

describe('layout', () => {
  it.each([
    { path: '/members', prefix: '/members', matches: true },
    { path: '/members/42/edit', prefix: '/members', matches: true },
    { path: '/membership', prefix: '/members', matches: false },
    { path: '/', prefix: '/members', matches: false },
    { path: '/kpi', prefix: '/members', matches: false },
  ])('$path on $prefix: $matches', ({ path, prefix, matches }) => {
    expect(matchesPrefix(path, prefix)).toBe(matches);
  });

  it('routes the three modules by URL prefix', () => {
    expect(routeOf(DEFAULT_LAYOUT, '/kpi/dashboards')?.apps).toEqual(['@vwu/mfe-kpi']);
    expect(routeOf(DEFAULT_LAYOUT, '/nowhere')).toBeUndefined();
    expect(applicationsOf(DEFAULT_LAYOUT)).toEqual(['@vwu/mfe-members', '@vwu/mfe-kpi', '@vwu/mfe-contests']);
  });

  it('lists the public vote page nowhere in the navigation', () => {
    expect(navigationOf(DEFAULT_LAYOUT).map((r) => r.prefix)).toEqual(['/members', '/kpi', '/contests']);
    expect(routeOf(DEFAULT_LAYOUT, '/binh-chon/12')).toMatchObject({
      apps: ['@vwu/mfe-contests'],
      public: true,
    });
  });

  it.each([
    { name: '@vwu/mfe-contests', path: '/binh-chon/12', ready: false, active: true },
    { name: '@vwu/mfe-contests', path: '/contests', ready: false, active: false },
    { name: '@vwu/mfe-contests', path: '/contests', ready: true, active: true },
    { name: '@vwu/mfe-members', path: '/binh-chon/12', ready: true, active: false },
    { name: '@vwu/mfe-members', path: '/members', ready: false, active: false },
  ])('$name at $path, signed in: $ready → active: $active', ({ name, path, ready, active }) => {
    expect(isActiveAt(DEFAULT_LAYOUT, name, path, ready)).toBe(active);
  });

  it.each([
    { name: 'nothing', json: null, expected: DEFAULT_LAYOUT },
    { name: 'not JSON', json: '{oops', expected: DEFAULT_LAYOUT },
    {
      name: 'time limits only',
      json: '{"mountTimeoutMs":300}',
      expected: { ...DEFAULT_LAYOUT, mountTimeoutMs: 300 },
    },
    { name: 'a bad time limit', json: '{"loadTimeoutMs":-1}', expected: DEFAULT_LAYOUT },
    { name: 'a malformed route', json: '{"routes":[{"prefix":"x","apps":[]}]}', expected: DEFAULT_LAYOUT },
    {
      name: 'a route whose public flag is not a boolean',
      json: '{"routes":[{"prefix":"/t","label":{"vi":"T","en":"T"},"apps":["@t/a"],"public":"yes"}]}',
      expected: DEFAULT_LAYOUT,
    },
    {
      name: 'two applications on one route',
      json: '{"routes":[{"prefix":"/t","label":{"vi":"T","en":"T"},"apps":["@t/a","@t/b"]}]}',
      expected: {
        ...DEFAULT_LAYOUT,
        routes: [{ prefix: '/t', label: { vi: 'T', en: 'T' }, apps: ['@t/a', '@t/b'], icon: 'module' }],
      },
    },
  ])('reads a page layout: $name', ({ json, expected }) => {
    expect(readLayout(json)).toEqual(expected);
  });
});
