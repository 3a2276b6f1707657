/**
 * Who may use the member registry. Every member route names its unit in the path (`:unitKey`), so the one
 * access check puts it in the caller's scope; queries then stay inside that unit's subtree.
 */
import type { AccessRule, Role } from '../access/rules.js';

/** Roles that read the registry: the officers and leaders who keep it, central analysts, administrators. */
export const MEMBER_READERS: readonly Role[] = [
  'central_analyst',
  'province_leader',
  'commune_officer',
  'administrator',
];
/** Roles that change it: the officers and leaders who keep it, administrators. */
export const MEMBER_WRITERS: readonly Role[] = ['province_leader', 'commune_officer', 'administrator'];

/** Read members of the path's `:unitKey`. */
export const READ_IN_UNIT: AccessRule = { roles: MEMBER_READERS, unit: { from: 'params', field: 'unitKey' } };
/** Change members of the path's `:unitKey`. */
export const WRITE_IN_UNIT: AccessRule = {
  roles: MEMBER_WRITERS,
  unit: { from: 'params', field: 'unitKey' },
};
