import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './fakes.js';

const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [] };

describe('context in the URL and the tab storage', () => {
  it('defaults: Vietnamese, the current month in Vietnam, no unit; written into the URL', () => {
    const browser = fakeBrowser('https://console.test/members?tab=2#top');
    const ctx = browser.context();
    expect(ctx.language.get()).toBe('vi');
    expect(ctx.period.get()).toEqual({ grain: 'month', from: '2025-10-01', to: '2025-10-31' });
    expect(ctx.selectedUnit.get()).toBeNull();
    const url = new URL(browser.href());
    expect([url.pathname, url.hash]).toEqual(['/members', '#top']);
    expect(Object.fromEntries(url.searchParams)).toEqual({ tab: '2', lang: 'vi', period: '2025-M10' });
  });

  it.each([
    { query: '?lang=en&period=2025-Q3&unit=2025:80', lang: 'en', period: '2025-07-01', unit: '2025:80' },
    { query: '?lang=fr&period=2025-M13', lang: 'vi', period: '2025-10-01', unit: undefined },
    { query: '?period=2024', lang: 'vi', period: '2024-01-01', unit: undefined },
  ])('reads $query', ({ query, lang, period, unit }) => {
    const ctx = fakeBrowser(`https://console.test/kpi${query}`).context();
    expect(ctx.language.get()).toBe(lang);
    expect(ctx.period.get().from).toBe(period);
    expect(ctx.selectedUnit.requestedKey()).toBe(unit);
  });

  it('changes go to the URL (replacing, other parameters kept) and notify subscribers', () => {
    const browser = fakeBrowser('https://console.test/members/42?sort=name');
    const ctx = browser.context();
    const heard = vi.fn();
    ctx.period.subscribe(heard);
    ctx.period.set({ grain: 'quarter', from: '2025-07-01', to: '2025-09-30' });
    ctx.language.set('en');
    ctx.selectedUnit.select(TAY_NINH);
    expect(heard).toHaveBeenCalledOnce();
    const url = new URL(browser.href());
    expect(url.pathname).toBe('/members/42');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      sort: 'name',
      period: '2025-Q3',
      lang: 'en',
      unit: '2025:80',
    });
  });

  it('a navigation that drops the query gets the context back from the tab storage', () => {
    const browser = fakeBrowser('https://console.test/members');
    const ctx = browser.context();
    ctx.selectedUnit.select(TAY_NINH);
    browser.navigate('/kpi');
    ctx.syncUrl();
    const url = new URL(browser.href());
    expect(url.pathname).toBe('/kpi');
    expect(Object.fromEntries(url.searchParams)).toEqual({ period: '2025-M10', lang: 'vi', unit: '2025:80' });
  });

  it('a reload keeps the selected unit with its name (same key in the URL), a shared link asks for its key', () => {
    const browser = fakeBrowser('https://console.test/members');
    browser.context().selectedUnit.select(TAY_NINH);
    const reloaded = fakeBrowser(browser.href());
    for (const [k, v] of browser.store) reloaded.store.set(k, v);
    expect(reloaded.context().selectedUnit.get()).toEqual(TAY_NINH);

    const shared = fakeBrowser('https://console.test/members?unit=2025:01');
    for (const [k, v] of browser.store) shared.store.set(k, v);
    const ctx = shared.context();
    expect(ctx.selectedUnit.get()).toBeNull();
    expect(ctx.selectedUnit.requestedKey()).toBe('2025:01');
  });

  it('works without storage (disabled by privacy settings)', () => {
    const browser = fakeBrowser('https://console.test/members?lang=en');
    const ctx = (() => {
      browser.deps.url.storage = null;
      return browser.context();
    })();
    ctx.period.set({ grain: 'year', from: '2024-01-01', to: '2024-12-31' });
    expect(new URL(browser.href()).searchParams.get('period')).toBe('2024');
  });
});
