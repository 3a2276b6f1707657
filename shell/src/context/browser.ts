import type { ConsoleContextDeps } from './create-context.js';

/** The API prefix: `<meta name="vwu-api-base" content="…">` when the page has one, else '/api'. */
function apiBase(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="vwu-api-base"]');
  return meta?.content || '/api';
}

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage is disabled (privacy settings): the URL alone carries the context.
    return null;
  }
}

/** The console context's dependencies taken from the browser's globals. */
export function browserDeps(): ConsoleContextDeps {
  return {
    fetch: (input, init) => window.fetch(input, init),
    apiBase: apiBase(),
    clock: () => Date.now(),
    url: {
      href: () => window.location.href,
      replace: (url) => window.history.replaceState(window.history.state, '', url),
      storage: sessionStorageOrNull(),
    },
  };
}
