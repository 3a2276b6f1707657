// One ES module entry `dist/mfe-members.js` exporting bootstrap, mount and unmount; Vue, Pinia, single-spa
// and @vwu/context come from the import map (external in build and dev). `npm run dev` serves the console
// with this module from source (build the shell once first).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { defineMfeConfig } from '../shell/build/mfe-vite.ts';

export default defineConfig(defineMfeConfig({ root: fileURLToPath(new URL('.', import.meta.url)) }));
