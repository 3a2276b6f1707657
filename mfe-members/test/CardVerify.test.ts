import { enableAutoUnmount, flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { language } from '@vwu/context';
import type * as Context from '@vwu/context';
import { fakeApi, resetFakeApi } from './fake-members-api.js';
import { mountPage } from './mount-page.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: (await import('./fake-members-api.js')).fakeApi,
}));

const { default: CardVerify } = await import('../src/views/card/CardVerify.vue');

enableAutoUnmount(afterEach);
afterEach(() => {
  resetFakeApi();
  language.set('vi');
});

describe('card verification view', () => {
  it.each([
    { status: 'valid', says: 'Thẻ hợp lệ' },
    { status: 'revoked', says: 'Thẻ đã bị thu hồi' },
    { status: 'unknown', says: 'Không nhận ra thẻ' },
  ] as const)(
    'says "$says" for a $status card, from a scanned verification link',
    async ({ status, says }) => {
      fakeApi.get.mockResolvedValue({ status, checkedAt: '2025-11-21T03:00:00.000Z' });
      const { view } = mountPage(CardVerify, { name: 'verify', token: null }, '/members/verify');
      await view.get('textarea').setValue('http://console.test/members/verify?token=VWC1.abc.def');
      await view.get('form').trigger('submit');
      await flushPromises();
      expect(fakeApi.get).toHaveBeenCalledWith(
        '/cards/verify',
        expect.objectContaining({ query: { token: 'VWC1.abc.def' }, auth: false }),
      );
      expect(view.get('.result').text()).toContain(says);
      expect(view.get('.result').text()).toContain('10:00 21/11/2025');
    },
  );

  it('checks the token a link carries at once, and asks for a payload when the box is empty', async () => {
    fakeApi.get.mockResolvedValue({ status: 'valid', checkedAt: '2025-11-21T03:00:00.000Z' });
    const { view } = mountPage(CardVerify, { name: 'verify', token: 'VWC1.x.y' }, '/members/verify');
    await flushPromises();
    expect(view.get('.result').attributes('data-status')).toBe('valid');
    await view.get('textarea').setValue('  ');
    await view.get('form').trigger('submit');
    expect(view.get('[role="alert"]').text()).toBe('Quét hoặc dán nội dung mã QR trước.');
  });
});
