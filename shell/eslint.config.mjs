// The repository's lint configuration, with eslint-plugin-vue's layout rules off: Prettier lays out the
// templates (as eslint-config-prettier would do; that package is not installed).
import root from '../eslint.config.mjs';

export default [
  ...root,
  {
    files: ['**/*.vue'],
    rules: {
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
      'vue/html-self-closing': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/singleline-html-element-content-newline': 'off',
    },
  },
];
