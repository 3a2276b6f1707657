import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { language, selectedUnit } from '@vwu/context';
import type * as Context from '@vwu/context';
import { fakeApi, resetFakeApi } from './fake-members-api.js';
import { detail } from './fake-api.js';
import { page } from './members-fixtures.js';
import { mountPage } from './mount-page.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: (await import('./fake-members-api.js')).fakeApi,
}));

const { default: MemberList } = await import('../src/views/list/MemberList.vue');
const TAN_NINH = { key: '2025:25459', name: 'Phường Tân Ninh', level: 'commune' as const, breadcrumb: [] };

function registry(total: number) {
  fakeApi.get.mockImplementation(async (path, options) => {
    if (!path.endsWith('/members')) return detail('2025:25459', 'Phường Tân Ninh', 2, 'commune');
    const q = options?.query ?? {};
    const from = typeof q.cursor === 'string' ? Number(q.cursor.slice(1)) : 0;
    return page(from, Number(q.limit), total, q.withTotal === true);
  });
}

enableAutoUnmount(afterEach);
afterEach(() => {
  resetFakeApi();
  language.set('vi');
  selectedUnit.clear();
});

describe('member list view', () => {
  it('shows the loading state, then the count in Vietnamese format and only the rows in view', async () => {
    registry(123_456);
    selectedUnit.select(TAN_NINH);
    const { view } = mountPage(MemberList, { name: 'list' });
    expect(view.get('[role="status"]').text()).toBe('Đang tải danh sách hội viên…');
    await flushPromises();
    expect(view.get('.count').text()).toBe('123.456 hội viên');
    const rows = view.findAll('[role="row"]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.text()).toContain('Nguyễn Thị Hoà');
    expect(rows[0]!.text()).toContain('14/03/1985');
    expect(view.get('[role="grid"]').attributes('aria-rowcount')).toBe('123456');
  });

  it('moves with the arrow keys and opens the profile with Enter, keeping the context query', async () => {
    registry(50);
    selectedUnit.select(TAN_NINH);
    const { view, navigate } = mountPage(MemberList, { name: 'list' });
    await flushPromises();
    const grid = view.get('[role="grid"]');
    await grid.trigger('keydown', { key: 'ArrowDown' });
    await grid.trigger('keydown', { key: 'ArrowDown' });
    expect(grid.attributes('aria-activedescendant')).toBe('vrow-2');
    await grid.trigger('keydown', { key: 'Enter' });
    expect(navigate).toHaveBeenCalledWith('/members/3?unit=2025%3A25459');
  });

  it.each([
    { name: 'an empty registry', filtered: false, says: 'Đơn vị này chưa có hội viên nào trong sổ.' },
    { name: 'no match', filtered: true, says: 'Không tìm thấy hội viên nào khớp.' },
  ])('has an empty state for $name', async ({ filtered, says }) => {
    registry(0);
    selectedUnit.select(TAN_NINH);
    const { view } = mountPage(MemberList, { name: 'list' });
    await flushPromises();
    if (filtered) {
      await view.findAll('select')[1]!.setValue('30_44');
      await flushPromises();
    }
    expect(view.text()).toContain(says);
    expect(view.find('[role="grid"]').exists()).toBe(false);
  });

  it('shows an error with a retry that loads again', async () => {
    const { ApiError } = await import('@vwu/context');
    fakeApi.get.mockRejectedValue(
      new ApiError({
        code: 'OUT_OF_SCOPE',
        status: 403,
        messages: { vi: 'Ngoài phạm vi', en: 'Out of scope' },
        language: 'vi',
      }),
    );
    selectedUnit.select(TAN_NINH);
    const { view } = mountPage(MemberList, { name: 'list' });
    await flushPromises();
    const alert = view.get('[role="alert"]');
    expect(alert.text()).toContain('Chưa tải được danh sách hội viên');
    expect(alert.text()).toContain('Ngoài phạm vi');
    registry(2);
    await alert.get('button').trigger('click');
    await flushPromises();
    expect(view.get('.count').text()).toBe('2 hội viên');
  });

  it('speaks English when asked', async () => {
    registry(2);
    selectedUnit.select(TAN_NINH);
    language.set('en');
    const { view } = mountPage(MemberList, { name: 'list' });
    await flushPromises();
    expect(view.get('.count').text()).toBe('2 members');
    expect(view.text()).toContain('Add a member');
  });
});
