// The console on a mock API backed by the real unit hierarchy (contracts/data), for looking at it:
// `npm run preview -w @vwu/shell`. Serves every module that is built; the others show their error panel.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadHierarchy } from '@vwu/contracts/node';
import type { Unit } from '@vwu/contracts';
import { startConsoleServer, type ConsoleServer, type ServedModule } from './console-server.ts';
import { createMockApi, type MockAccount, type MockUnit, type UnitSource } from './mock-api.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Password of the preview's accounts: the API's documented demo password. */
export const PREVIEW_PASSWORD = 'VwuDemo-2025!';

/** The API's demo accounts (api/src/demo/accounts.ts), a few of them. */
export const PREVIEW_ACCOUNTS: MockAccount[] = [
  {
    username: 'leader.tayninh',
    displayName: 'Lãnh đạo Hội LHPN tỉnh Tây Ninh (demo)',
    role: 'province_leader',
    scope: '2025:80',
  },
  {
    username: 'analyst.central',
    displayName: 'Chuyên viên phân tích Trung ương (demo)',
    role: 'central_analyst',
    scope: '2025:TW',
  },
  {
    username: 'officer.tanninh',
    displayName: 'Cán bộ Hội phường Tân Ninh (demo)',
    role: 'commune_officer',
    scope: '2025:25459',
  },
].map((a) => ({ ...a, password: PREVIEW_PASSWORD }));

function mockUnit(unit: Unit): MockUnit {
  return {
    key: unit.key,
    code: unit.code,
    name: unit.name,
    type: unit.type,
    level: unit.level,
    parentKey: unit.parent,
  };
}

/** The real hierarchy (2025 structure) as the mock API's unit source. */
export function hierarchyUnits(): UnitSource {
  const hierarchy = loadHierarchy();
  return {
    get: (key) => {
      const unit = hierarchy.find(key as Unit['key']);
      return unit === undefined ? undefined : mockUnit(unit);
    },
    children: (key) => hierarchy.children(key as Unit['key']).map(mockUnit),
    search: (query, limit) => hierarchy.search(query, { structure: '2025', limit }).map(mockUnit),
  };
}

/** Starts the preview on a port (0 = any free one). */
export async function startPreview(
  port = 0,
): Promise<ConsoleServer & { api: ReturnType<typeof createMockApi> }> {
  const api = createMockApi({ units: hierarchyUnits(), accounts: PREVIEW_ACCOUNTS });
  const modules: ServedModule[] = ['mfe-members', 'mfe-kpi', 'mfe-contests']
    .map((name) => ({ dist: `${root}${name}/dist`, base: `/modules/${name}/` }))
    .filter((m) => existsSync(`${m.dist}/deploy.json`));
  const server = await startConsoleServer({ shellDist: `${root}shell/dist`, modules, api: api.handle, port });
  return { ...server, api };
}
