import { getCurrentScope, onScopeDispose, shallowReadonly, shallowRef, type ShallowRef } from 'vue';
import type { ReadonlyObservable } from './observable.js';

/**
 * A Vue ref that follows a context value, for use inside `setup()`: it subscribes, and unsubscribes when
 * the component (or effect scope) is disposed.
 *
 * @example
 * const unit = useContextValue(selectedUnit); // Readonly<ShallowRef<SelectedUnit | null>>
 * watch(unit, (next) => store.load(next?.key));
 */
export function useContextValue<T>(source: ReadonlyObservable<T>): Readonly<ShallowRef<T>> {
  const value = shallowRef(source.get());
  const stop = source.subscribe((next) => {
    value.value = next;
  });
  if (getCurrentScope() !== undefined) onScopeDispose(stop);
  return shallowReadonly(value);
}
