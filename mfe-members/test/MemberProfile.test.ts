import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, selectedUnit } from '@vwu/context';
import type * as Context from '@vwu/context';
import { fakeApi, resetFakeApi } from './fake-members-api.js';
import { memberDetail } from './members-fixtures.js';
import { mountPage } from './mount-page.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: (await import('./fake-members-api.js')).fakeApi,
}));

const { default: MemberProfile } = await import('../src/views/profile/MemberProfile.vue');
const { changedFields } = await import('../src/stores/member-profile.js');
const TAN_NINH = { key: '2025:25459', name: 'Phường Tân Ninh', level: 'commune' as const, breadcrumb: [] };

function invalid(details: unknown[], status = 400): ApiError {
  return new ApiError({
    code: 'UNEXPECTED',
    status,
    messages: { vi: 'Một số thông tin cần sửa', en: 'Some details need correcting' },
    language: 'vi',
    details,
  });
}

async function openProfile() {
  fakeApi.get.mockResolvedValue(memberDetail());
  selectedUnit.select(TAN_NINH);
  const page = mountPage(MemberProfile, { name: 'member', id: '1' }, '/members/1');
  await flushPromises();
  return page;
}

enableAutoUnmount(afterEach);
afterEach(() => {
  resetFakeApi();
  selectedUnit.clear();
});

describe('member profile', () => {
  it('shows the member with dates as dd/MM/yyyy, her card, trainings and history', async () => {
    const { view } = await openProfile();
    expect(fakeApi.get).toHaveBeenCalledWith('/units/2025%3A25459/members/1', expect.anything());
    expect(view.get('.who h2').text()).toBe('Nguyễn Thị Hoà');
    expect(view.get('.facts').text()).toContain('14/03/1985');
    expect(view.text()).toContain('Hội viên chưa được cấp thẻ.');
    expect(view.text()).toContain('01/08/2025 — Đăng ký vào hội');
  });

  it('edits: shows every problem in plain words before sending, then sends only what changed', async () => {
    const { view } = await openProfile();
    await view.get('.buttons button').trigger('click');
    await view.get('#member-phone').setValue('12345');
    await view.get('#member-dateOfBirth').setValue('31/02/1985');
    await view.get('form.member-form').trigger('submit');
    expect(view.get('.summary').text()).toBe('Hồ sơ chưa lưu: còn 2 mục cần sửa (đánh dấu đỏ bên dưới).');
    expect(view.get('#member-phone').attributes('aria-invalid')).toBe('true');
    expect(view.text()).toContain('Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/07/1990.');
    expect(fakeApi.request).not.toHaveBeenCalled();
    await view.get('#member-phone').setValue('+84 912 345 678');
    await view.get('#member-dateOfBirth').setValue('14/03/1985');
    fakeApi.request.mockResolvedValue(memberDetail({ phone: '0912345678', version: 4 }));
    await view.get('form.member-form').trigger('submit');
    await flushPromises();
    expect(fakeApi.request).toHaveBeenCalledWith('PATCH', '/units/2025%3A25459/members/1', {
      body: { version: 3, phone: '0912345678' },
    });
    expect(view.get('.saved').text()).toBe('Đã lưu hồ sơ.');
  });

  it('puts the API’s field problems next to the field, and explains a conflict', async () => {
    const { view } = await openProfile();
    await view.get('.buttons button').trigger('click');
    await view.get('#member-address').setValue('Tổ 2');
    fakeApi.request.mockRejectedValueOnce(
      invalid([{ field: 'address', problem: 'x', vi: 'Địa chỉ quá ngắn', en: 'Address too short' }]),
    );
    await view.get('form.member-form').trigger('submit');
    await flushPromises();
    expect(view.get('#member-address-problem').text()).toBe('Địa chỉ quá ngắn');
    fakeApi.request.mockRejectedValueOnce(invalid([], 409));
    await view.get('form.member-form').trigger('submit');
    await flushPromises();
    expect(view.get('.problem-box').text()).toContain('Hồ sơ vừa được người khác sửa');
  });

  it('sends only the fields that differ', () => {
    const current = memberDetail();
    expect(
      changedFields(current, {
        fullName: current.fullName,
        dateOfBirth: current.dateOfBirth,
        ethnicity: 'Khmer',
        joinedOn: current.joinedOn,
        religion: null,
        roles: ['member', 'cadre'],
      }),
    ).toEqual({ ethnicity: 'Khmer', roles: ['member', 'cadre'] });
  });
});
