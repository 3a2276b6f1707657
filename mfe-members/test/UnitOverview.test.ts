import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { language, selectedUnit } from '@vwu/context';
import type * as Context from '@vwu/context';
import { apiFailure, detail, get } from './fake-api.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: { get: (path: string, options?: { signal?: AbortSignal }) => get(path, options) },
}));

const { default: UnitOverview } = await import('../src/views/UnitOverview.vue');

const TAY_NINH = { key: '2025:80', name: 'Tỉnh Tây Ninh', level: 'province' as const, breadcrumb: [] };

function render() {
  return mount(UnitOverview, { global: { plugins: [createPinia()] } });
}

// A view left mounted would keep following the shared context and answer for the next test.
enableAutoUnmount(afterEach);

afterEach(() => {
  get.mockReset();
  language.set('vi');
  selectedUnit.clear();
});

describe('unit overview (landing view)', () => {
  it('says so when no unit is selected', () => {
    expect(render().text()).toBe('Chưa chọn đơn vị.');
  });

  it('shows the loading state, then the unit, its level and its children count in Vietnamese format', async () => {
    get.mockResolvedValue(detail('2025:80', 'Tỉnh Tây Ninh', 1234));
    selectedUnit.select(TAY_NINH);
    const view = render();
    expect(view.get('[role="status"]').text()).toBe('Đang tải thông tin đơn vị…');
    await flushPromises();
    expect(view.get('.facts').text()).toContain('Tỉnh Tây Ninh');
    expect(view.get('.facts').text()).toContain('Tỉnh, thành phố');
    expect(view.get('dd.number').text()).toBe('1.234');
    expect(view.findAll('tbody tr')).toHaveLength(12);
    expect(view.get('.more').text()).toBe('và 1.222 đơn vị khác');
    expect(view.get('caption').text()).toBe('Đơn vị trực thuộc Tỉnh Tây Ninh');
  });

  it('has an empty state for a unit without units below', async () => {
    get.mockResolvedValue(detail('2025:25459-01', 'Chi hội Khu phố 1', 0, 'branch'));
    selectedUnit.select({ key: '2025:25459-01', name: 'Chi hội Khu phố 1', level: 'branch', breadcrumb: [] });
    const view = render();
    await flushPromises();
    expect(view.text()).toContain('Đơn vị này không có đơn vị trực thuộc trong phạm vi của bạn.');
    expect(view.find('table').exists()).toBe(false);
  });

  it('shows the error with a retry that loads again', async () => {
    get
      .mockRejectedValueOnce(apiFailure('NETWORK_ERROR', 0))
      .mockResolvedValueOnce(detail('2025:80', 'Tỉnh Tây Ninh', 2));
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    expect(view.get('[role="alert"]').text()).toContain('Lỗi NETWORK_ERROR');
    await view.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(view.find('[role="alert"]').exists()).toBe(false);
    expect(view.get('dd.number').text()).toBe('2');
  });

  it('follows the selected unit and the language', async () => {
    get.mockImplementation(async (path) =>
      path.endsWith('2025%3A80')
        ? detail('2025:80', 'Tỉnh Tây Ninh', 2)
        : detail('2025:01', 'Thành phố Hà Nội', 3),
    );
    selectedUnit.select(TAY_NINH);
    const view = render();
    await flushPromises();
    selectedUnit.select({ key: '2025:01', name: 'Thành phố Hà Nội', level: 'province', breadcrumb: [] });
    language.set('en');
    await flushPromises();
    expect(view.get('caption').text()).toBe('Units below Thành phố Hà Nội');
    expect(view.get('dd.number').text()).toBe('3');
  });
});
