import { createApiClient, type ApiClient } from './api-client.js';
import { currentPeriod } from './period.js';
import { createLanguage, createPeriod, createSelectedUnit } from './selection.js';
import type { LanguageState, PeriodState, SelectedUnitState } from './selection.js';
import { createSession, type Session } from './session.js';
import { createTokenStore } from './tokens.js';
import { createUrlState, type UrlStateDeps } from './url-state.js';

/** The shared context every part of the console reads: no global store, one small object per concern. */
export interface ConsoleContext {
  session: Session;
  selectedUnit: SelectedUnitState;
  period: PeriodState;
  language: LanguageState;
  /** The API client (base '/api' by default), with the session's token and its refresh. */
  api: ApiClient;
  /** Puts unit, period and language back into the URL after a navigation dropped them. */
  syncUrl(): void;
}

/** What {@link createConsoleContext} needs from the browser (injected so that tests can pin it). */
export interface ConsoleContextDeps {
  fetch: typeof fetch;
  /** Prefix of API paths, e.g. '/api'. */
  apiBase: string;
  url: UrlStateDeps;
  /** Milliseconds since the epoch (the default period is the current month in Vietnam). */
  clock: () => number;
}

/**
 * Builds a console context. The page has one, created by the `@vwu/context` module from the browser's
 * globals; tests build their own with a fake fetch, URL and clock.
 *
 * @example
 * const ctx = createConsoleContext({ fetch, apiBase: '/api', clock: Date.now, url: { href: () => location.href, replace, storage: sessionStorage } });
 * ctx.language.subscribe((lang) => render(lang));
 */
export function createConsoleContext(deps: ConsoleContextDeps): ConsoleContext {
  const url = createUrlState(deps.url);
  const language = createLanguage(url);
  const period = createPeriod(url, () => currentPeriod('month', deps.clock()));
  const selectedUnit = createSelectedUnit(url);
  const tokens = createTokenStore();
  const api = createApiClient({ baseUrl: deps.apiBase, fetch: deps.fetch, tokens, language: language.get });
  const session = createSession({ api, tokens, language: language.get });
  // An explicit sign-out may precede another user's sign-in: forget the unit. An expiry keeps it.
  session.subscribe((state) => {
    if (state.status === 'signed-out' && state.reason === 'logout') selectedUnit.clear();
  });
  return { session, selectedUnit, period, language, api, syncUrl: url.restoreUrl };
}
