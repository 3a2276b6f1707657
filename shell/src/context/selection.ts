import { createObservable, type Observable, type ReadonlyObservable } from './observable.js';
import { parsePeriod, periodCode, samePeriod } from './period.js';
import type { UrlState } from './url-state.js';
import { LANGUAGES, type Language, type Period, type SelectedUnit } from './types.js';

/** The selected unit: `null` until the shell has checked it against the signed-in user's scope. */
export interface SelectedUnitState extends ReadonlyObservable<SelectedUnit | null> {
  /** Selects a unit (the shell's unit picker does this). */
  select(unit: SelectedUnit): void;
  /** Forgets the selection (after sign-out). */
  clear(): void;
  /** The unit key the URL or the tab's storage asks for, until a unit is selected. */
  requestedKey(): string | undefined;
}

/** The reporting period. */
export interface PeriodState extends ReadonlyObservable<Period> {
  set(period: Period): void;
}

/** The interface language. */
export interface LanguageState extends ReadonlyObservable<Language> {
  set(language: Language): void;
}

function sameUnit(a: SelectedUnit | null, b: SelectedUnit | null): boolean {
  return a === b || (a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

/** The selected unit, persisted as `?unit=<key>` with its name and breadcrumb in the tab's storage. */
export function createSelectedUnit(url: UrlState): SelectedUnitState {
  const requested = url.read().unit;
  const stored = url.extra<SelectedUnit>('unit');
  const value: Observable<SelectedUnit | null> = createObservable(
    stored !== undefined && stored.key === requested ? stored : null,
    sameUnit,
  );
  let pending = value.get() === null ? requested : undefined;
  return {
    get: value.get,
    subscribe: value.subscribe,
    select(unit) {
      pending = undefined;
      url.setExtra('unit', unit);
      url.write({ unit: unit.key });
      value.set(unit);
    },
    clear() {
      pending = undefined;
      url.setExtra('unit', undefined);
      url.write({ unit: undefined });
      value.set(null);
    },
    requestedKey: () => pending,
  };
}

/** The period, persisted as `?period=<code>`; `fallback` when the URL has none or a wrong one. */
export function createPeriod(url: UrlState, fallback: () => Period): PeriodState {
  const requested = url.read().period;
  const value = createObservable<Period>((requested && parsePeriod(requested)) || fallback(), samePeriod);
  url.write({ period: periodCode(value.get()) });
  return {
    get: value.get,
    subscribe: value.subscribe,
    set(period) {
      url.write({ period: periodCode(period) });
      value.set(period);
    },
  };
}

/** The language, persisted as `?lang=vi|en`; Vietnamese unless asked otherwise. */
export function createLanguage(url: UrlState): LanguageState {
  const requested = url.read().language;
  const value = createObservable<Language>(LANGUAGES.find((l) => l === requested) ?? 'vi');
  url.write({ language: value.get() });
  return {
    get: value.get,
    subscribe: value.subscribe,
    set(language) {
      url.write({ language });
      value.set(language);
    },
  };
}
