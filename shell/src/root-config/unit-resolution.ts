import { api, selectedUnit, type SelectedUnit, type UnitDetail, type User } from '@vwu/context';

/**
 * A unit with its breadcrumb from `GET /units/:key`.
 *
 * @throws ApiError OUT_OF_SCOPE, UNIT_NOT_FOUND, NETWORK_ERROR…
 */
export async function fetchSelectedUnit(key: string): Promise<SelectedUnit> {
  const detail = await api.get<UnitDetail>(`/units/${encodeURIComponent(key)}`);
  return {
    key: detail.unit.key,
    name: detail.unit.name,
    level: detail.unit.level,
    breadcrumb: detail.ancestors.map(({ key: k, name, level }) => ({ key: k, name, level })),
  };
}

/**
 * After sign-in: selects the unit the URL asks for if it lies in the user's scope, else the scope unit.
 * The API decides what is in scope; when it cannot be reached the scope unit is selected as the session
 * describes it, so the console still opens.
 */
export async function resolveSelectedUnit(user: User): Promise<void> {
  const wanted = selectedUnit.requestedKey() ?? selectedUnit.get()?.key ?? user.scope.key;
  for (const key of new Set([wanted, user.scope.key])) {
    try {
      selectedUnit.select(await fetchSelectedUnit(key));
      return;
    } catch {
      // Out of scope, unknown or unreachable: fall back to the next candidate.
    }
  }
  selectedUnit.select({ ...user.scope, breadcrumb: [] });
}
