/** Where the console serves the public ballot of a contest (the shell's public route). */
export const PUBLIC_VOTE_PREFIX = '/binh-chon';

/**
 * What a path asks of the module: the public ballot of a contest (`/binh-chon/12`), a public path that names
 * no contest, or the console's own screens.
 *
 * @example publicBallotOf('/binh-chon/12') // { kind: 'ballot', contestId: 12 }
 */
export function publicBallotOf(
  pathname: string,
): { kind: 'ballot'; contestId: number } | { kind: 'bad-link' } | { kind: 'console' } {
  if (pathname !== PUBLIC_VOTE_PREFIX && !pathname.startsWith(`${PUBLIC_VOTE_PREFIX}/`))
    return { kind: 'console' };
  const match = /^\/binh-chon\/([1-9]\d{0,9})\/?$/.exec(pathname);
  return match ? { kind: 'ballot', contestId: Number(match[1]) } : { kind: 'bad-link' };
}
