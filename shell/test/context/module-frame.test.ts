import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h, nextTick } from 'vue';
import {
  createModuleFrame,
  createObservable,
  fill,
  parsePeriod,
  type Language,
} from '../../src/context/index.js';

describe('fill', () => {
  it.each([
    [{ vi: '{n} tệp', en: '{n} files' }, 'vi', { n: '3' }, '3 tệp'],
    [{ vi: '{n} tệp', en: '{n} files' }, 'en', { n: '3' }, '3 files'],
    [{ vi: 'Của {unit} ({n})', en: '{unit}' }, 'vi', { unit: 'Tây Ninh' }, 'Của Tây Ninh ()'],
    [{ vi: 'Không có dấu', en: 'No marks' }, 'vi', {}, 'Không có dấu'],
  ] as const)('%o in %s with %o → %s', (text, language, params, expected) => {
    expect(fill(text, language, params)).toBe(expected);
  });
});

describe('ModuleFrame', () => {
  function setup() {
    const language = createObservable<Language>('vi');
    const period = createObservable(parsePeriod('2025-Q3')!);
    const Frame = createModuleFrame({ language, period });
    return { language, period, Frame };
  }

  it('shows title, lead, the period and the content, and follows the language', async () => {
    const { language, Frame } = setup();
    const wrapper = mount(Frame, {
      props: { title: { vi: 'Hội viên', en: 'Members' }, lead: 'Dòng dẫn' },
      slots: { default: () => h('p', { class: 'content' }, 'nội dung') },
    });
    expect(wrapper.find('h1').text()).toBe('Hội viên');
    expect(wrapper.find('.vwu-frame-lead').text()).toBe('Dòng dẫn');
    expect(wrapper.find('.vwu-frame-period').text()).toBe('Kỳ báo cáo: Quý III/2025');
    expect(wrapper.find('.content').text()).toBe('nội dung');
    language.set('en');
    await nextTick();
    expect(wrapper.find('h1').text()).toBe('Members');
    expect(wrapper.find('.vwu-frame-period').text()).toMatch(/^Period: /);
  });

  it.each([
    [{ lead: '' }, false, true],
    [{ showPeriod: false }, false, false],
  ])('with %o: lead shown %s, period shown %s', (props, lead, shown) => {
    const { Frame } = setup();
    const wrapper = mount(Frame, { props: { title: { vi: 'A', en: 'A' }, ...props } });
    expect(wrapper.find('.vwu-frame-lead').exists()).toBe(lead);
    expect(wrapper.find('.vwu-frame-period').exists()).toBe(shown);
  });
});
