import { parseUnitKey, type Hierarchy } from '@vwu/contracts';
import type { Role } from '../access/rules.js';
import { recordAudit } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import { findUserByUsername, insertUser } from '../auth/users.js';
import type { Store } from '../store/store.js';

/**
 * Password of every demo account. Demo data only: it is printed by the demo setup and documented here so
 * that anyone can sign in to a demo instance; real deployments create their own accounts.
 */
export const DEMO_PASSWORD = 'VwuDemo-2025!';

/** One demo account. */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Scope unit key (2025 structure). */
  scope: string;
}

/**
 * One account per role, plus a second province leader: central analyst at the central office, province
 * leaders of Tây Ninh ('2025:80') and Hà Nội ('2025:01'), a commune officer of Phường Tân Ninh in Tây Ninh
 * ('2025:25459'), and central contest organiser, judge, module deployer and administrator.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'analyst.central',
    displayName: 'Chuyên viên phân tích Trung ương (demo)',
    role: 'central_analyst',
    scope: '2025:TW',
  },
  {
    username: 'leader.tayninh',
    displayName: 'Lãnh đạo Hội LHPN tỉnh Tây Ninh (demo)',
    role: 'province_leader',
    scope: '2025:80',
  },
  {
    username: 'leader.hanoi',
    displayName: 'Lãnh đạo Hội LHPN TP Hà Nội (demo)',
    role: 'province_leader',
    scope: '2025:01',
  },
  {
    username: 'officer.tanninh',
    displayName: 'Cán bộ Hội phường Tân Ninh (demo)',
    role: 'commune_officer',
    scope: '2025:25459',
  },
  {
    username: 'organiser.central',
    displayName: 'Ban tổ chức hội thi (demo)',
    role: 'contest_organiser',
    scope: '2025:TW',
  },
  { username: 'judge.central', displayName: 'Giám khảo hội thi (demo)', role: 'judge', scope: '2025:TW' },
  {
    username: 'deployer.central',
    displayName: 'Triển khai phân hệ (demo)',
    role: 'module_deployer',
    scope: '2025:TW',
  },
  { username: 'admin', displayName: 'Quản trị hệ thống (demo)', role: 'administrator', scope: '2025:TW' },
  // Contests (issue 8): a provincial organiser, two more communes' officers, a provincial jury of three (one
  // from Phường Tân Ninh: she may not score her own commune's entries) and two more central judges.
  {
    username: 'organiser.tayninh',
    displayName: 'Ban tổ chức hội thi tỉnh Tây Ninh (demo)',
    role: 'contest_organiser',
    scope: '2025:80',
  },
  {
    username: 'officer.binhminh',
    displayName: 'Cán bộ Hội phường Bình Minh (demo)',
    role: 'commune_officer',
    scope: '2025:25480',
  },
  {
    username: 'officer.tanbien',
    displayName: 'Cán bộ Hội xã Tân Biên (demo)',
    role: 'commune_officer',
    scope: '2025:25486',
  },
  {
    username: 'judge.tayninh.1',
    displayName: 'Giám khảo tỉnh Tây Ninh 1 (demo)',
    role: 'judge',
    scope: '2025:80',
  },
  {
    username: 'judge.tayninh.2',
    displayName: 'Giám khảo tỉnh Tây Ninh 2 (demo)',
    role: 'judge',
    scope: '2025:80',
  },
  {
    username: 'judge.tanninh',
    displayName: 'Giám khảo phường Tân Ninh (demo)',
    role: 'judge',
    scope: '2025:25459',
  },
  {
    username: 'judge.central.2',
    displayName: 'Giám khảo Trung ương 2 (demo)',
    role: 'judge',
    scope: '2025:TW',
  },
  {
    username: 'judge.central.3',
    displayName: 'Giám khảo Trung ương 3 (demo)',
    role: 'judge',
    scope: '2025:TW',
  },
];

/**
 * Creates the demo accounts that do not exist yet (each with {@link DEMO_PASSWORD}) and audits each
 * creation. Idempotent: existing usernames are left as they are. The scope units must be loaded.
 *
 * @returns the usernames created by this call.
 * @example await createDemoAccounts(store, loadHierarchy(), new Date());
 */
export async function createDemoAccounts(
  store: Store,
  hierarchy: Hierarchy,
  now: Date,
  accounts: readonly DemoAccount[] = DEMO_ACCOUNTS,
): Promise<string[]> {
  const created: string[] = [];
  for (const account of accounts) {
    hierarchy.get(parseUnitKey(account.scope));
    if ((await findUserByUsername(store, account.username)) !== undefined) continue;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await store.transaction(async (tx) => {
      const id = await insertUser(
        tx,
        {
          username: account.username,
          displayName: account.displayName,
          passwordHash,
          role: account.role,
          scopeUnitKey: account.scope,
        },
        now,
      );
      if (id === undefined) return;
      created.push(account.username);
      await recordAudit(tx, {
        at: now,
        actorUserId: null,
        action: 'user.create',
        entity: 'app_user',
        entityId: String(id),
        after: { role: account.role, scope_unit_key: account.scope, demo: true },
        requestId: null,
      });
    });
  }
  return created;
}
