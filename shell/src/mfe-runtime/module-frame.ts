import { defineComponent, h, type PropType } from 'vue';
import { fill } from '../context/localize.js';
import { MODULE_TEXT } from '../context/module-text.js';
import { periodLabel } from '../context/period.js';
import type { ReadonlyObservable } from '../context/observable.js';
import type { Language, Localized, Period } from '../context/types.js';
import { useContextValue } from '../context/vue.js';

/** The context values the module frame shows. */
export interface ModuleFrameContext {
  language: ReadonlyObservable<Language>;
  period: ReadonlyObservable<Period>;
}

/**
 * The frame every module's screen sits in: its title, an optional lead line and the reporting period, then
 * the module's own content (default slot). Styled by the shell (`.vwu-frame*` in shell.css), so all modules
 * look alike; a module sets its own width with a class on the component.
 *
 * @example
 * const ModuleFrame = createModuleFrame({ language, period });
 * // <ModuleFrame class="members" :title="TEXT.title" :lead="fill(TEXT.lead, lang)"><UnitOverview /></ModuleFrame>
 */
export function createModuleFrame(context: ModuleFrameContext) {
  return defineComponent({
    name: 'ModuleFrame',
    props: {
      /** The module's title. */
      title: { type: Object as PropType<Localized>, required: true },
      /** The line under the title, already in the interface language; none when empty. */
      lead: { type: String, default: '' },
      /** Whether to show the reporting period (modules that do not depend on it hide it). */
      showPeriod: { type: Boolean, default: true },
    },
    setup(props, { slots }) {
      const lang = useContextValue(context.language);
      const current = useContextValue(context.period);
      return () =>
        h('div', { class: 'vwu-frame' }, [
          h('header', { class: 'vwu-frame-head' }, [
            h('div', [
              h('h1', { class: 'vwu-frame-title' }, fill(props.title, lang.value)),
              props.lead === '' ? null : h('p', { class: 'vwu-frame-lead' }, props.lead),
            ]),
            props.showPeriod
              ? h('p', { class: 'vwu-frame-period' }, [
                  `${fill(MODULE_TEXT.period, lang.value)}: `,
                  h('strong', periodLabel(current.value, lang.value)),
                ])
              : null,
          ]),
          slots.default?.(),
        ]);
    },
  });
}
