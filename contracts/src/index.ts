export { foldVietnamese } from './text/fold.js';
