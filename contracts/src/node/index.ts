export { ADMIN_UNITS_DIR, loadHierarchy, readHierarchySources } from './load.js';
