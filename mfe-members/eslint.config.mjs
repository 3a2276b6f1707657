// The shell's lint configuration (the repository's, with Prettier laying out templates).
export { default } from '../shell/eslint.config.mjs';
