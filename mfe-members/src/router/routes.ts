/** The module's own pages, under the console's `/members` prefix. */
export type MembersRoute =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'member'; id: string }
  | { name: 'transfers' }
  | { name: 'applications' }
  | { name: 'duplicates' }
  | { name: 'import' }
  | { name: 'trainings' }
  | { name: 'verify'; token: string | null }
  | { name: 'overview' }
  | { name: 'not-found'; path: string };

/** The URL prefix the shell mounts this module under. */
export const PREFIX = '/members';

const FIXED: Record<string, MembersRoute['name']> = {
  '': 'list',
  new: 'new',
  transfers: 'transfers',
  applications: 'applications',
  duplicates: 'duplicates',
  import: 'import',
  trainings: 'trainings',
  verify: 'verify',
  overview: 'overview',
};

/**
 * The route of a path (and its query, for the card token that a scanned QR link carries).
 *
 * @example routeOf('/members/42', '') // { name: 'member', id: '42' }
 * @example routeOf('/members/verify', '?token=abc') // { name: 'verify', token: 'abc' }
 */
export function routeOf(pathname: string, search: string): MembersRoute {
  const rest = pathname.startsWith(PREFIX) ? pathname.slice(PREFIX.length).replace(/^\/+|\/+$/g, '') : null;
  if (rest === null) return { name: 'not-found', path: pathname };
  const name = FIXED[rest];
  if (name === 'verify') return { name, token: new URLSearchParams(search).get('token') };
  if (name !== undefined) return { name } as MembersRoute;
  if (/^[1-9]\d{0,17}$/.test(rest)) return { name: 'member', id: rest };
  return { name: 'not-found', path: pathname };
}

/**
 * The path of a route.
 *
 * @example pathOf({ name: 'member', id: '42' }) // '/members/42'
 */
export function pathOf(route: MembersRoute): string {
  switch (route.name) {
    case 'list':
      return PREFIX;
    case 'member':
      return `${PREFIX}/${route.id}`;
    case 'not-found':
      return route.path;
    default:
      return `${PREFIX}/${route.name}`;
  }
}
