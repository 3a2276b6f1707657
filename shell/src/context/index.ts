// `@vwu/context`: the shared context utility module. One copy on the page (through the import map), used by
// the shell and every micro-frontend: session, selected unit, period, language, the API client, formatting,
// and the runtime that mounts a Vue micro-frontend.
import { browserDeps } from './browser.js';
import { createConsoleContext } from './create-context.js';
import { createModuleFrame } from '../mfe-runtime/module-frame.js';

const context = createConsoleContext(browserDeps());

/** The session: user, role, scope; sign-in and sign-out. */
export const session = context.session;
/** The unit the console looks at (key, name, level, breadcrumb). */
export const selectedUnit = context.selectedUnit;
/** The reporting period. */
export const period = context.period;
/** The interface language ('vi' by default, 'en'). */
export const language = context.language;
/** The API client: '/api', access token attached, refreshed once on expiry. */
export const api = context.api;
/** Puts unit, period and language back into the URL after a navigation dropped them. */
export const syncUrl = context.syncUrl;
/** The frame of a module's screen: title, lead, reporting period, then the module's content. */
export const ModuleFrame = createModuleFrame(context);

export { createApiClient } from './api-client.js';
export { createConsoleContext } from './create-context.js';
export { ApiError, CLIENT_ERRORS, errorFromBody } from './errors.js';
export { formatDate, formatDateTime, formatNumber } from './format.js';
export { LEVEL_LABELS, ROLE_LABELS } from './labels.js';
export { fill, localize } from './localize.js';
export { MODULE_TEXT } from './module-text.js';
export { createObservable } from './observable.js';
export {
  currentPeriod,
  parsePeriod,
  periodCode,
  periodLabel,
  periodOf,
  periodsPerYear,
  positionOf,
  samePeriod,
} from './period.js';
export { createTokenStore } from './tokens.js';
export { LANGUAGES } from './types.js';
export { useContextValue } from './vue.js';
export { createModuleFrame } from '../mfe-runtime/module-frame.js';
export { createVueLifecycles } from '../mfe-runtime/vue-lifecycles.js';

export type { ApiClient, ApiClientDeps, HttpMethod, Query, RequestOptions } from './api-client.js';
export type { ConsoleContext, ConsoleContextDeps } from './create-context.js';
export type { ApiErrorCode, ApiErrorInit, ClientErrorCode, ServerErrorCode } from './errors.js';
export type { Listener, Observable, ReadonlyObservable, Unsubscribe } from './observable.js';
export type { LanguageState, PeriodState, SelectedUnitState } from './selection.js';
export type { Session } from './session.js';
export type { TokenStore } from './tokens.js';
export type {
  Language,
  LoadState,
  Localized,
  Period,
  PeriodGrain,
  Role,
  SelectedUnit,
  SessionState,
  SignedOutReason,
  UnitLevel,
  UnitRef,
  User,
} from './types.js';
export type { ContextParams, UrlState, UrlStateDeps } from './url-state.js';
export type { SessionOut, UnitDetail, UnitOut, UnitRefOut, UnitSearch } from './wire.js';
export type { ModuleFrameContext } from '../mfe-runtime/module-frame.js';
export type { MfeLifecycles, MfeProps, VueLifecyclesOptions } from '../mfe-runtime/vue-lifecycles.js';
