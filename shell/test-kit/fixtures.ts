// A small, real-named slice of the hierarchy for tests: Tây Ninh and Hà Nội under the central office.
import { fold, type MockAccount, type MockUnit, type UnitSource } from './mock-api.ts';

const UNITS: MockUnit[] = [
  {
    key: '2025:TW',
    code: 'TW',
    name: 'Trung ương Hội LHPN Việt Nam',
    type: 'Trung ương',
    level: 'central',
    parentKey: null,
  },
  {
    key: '2025:01',
    code: '01',
    name: 'Thành phố Hà Nội',
    type: 'Thành phố',
    level: 'province',
    parentKey: '2025:TW',
  },
  {
    key: '2025:00004',
    code: '00004',
    name: 'Phường Ba Đình',
    type: 'Phường',
    level: 'commune',
    parentKey: '2025:01',
  },
  {
    key: '2025:80',
    code: '80',
    name: 'Tỉnh Tây Ninh',
    type: 'Tỉnh',
    level: 'province',
    parentKey: '2025:TW',
  },
  {
    key: '2025:25459',
    code: '25459',
    name: 'Phường Tân Ninh',
    type: 'Phường',
    level: 'commune',
    parentKey: '2025:80',
  },
  {
    key: '2025:25480',
    code: '25480',
    name: 'Phường Bình Minh',
    type: 'Phường',
    level: 'commune',
    parentKey: '2025:80',
  },
  {
    key: '2025:25486',
    code: '25486',
    name: 'Xã Tân Biên',
    type: 'Xã',
    level: 'commune',
    parentKey: '2025:80',
  },
  {
    key: '2025:25459-01',
    code: '25459-01',
    name: 'Chi hội Khu phố 1',
    type: 'Chi hội',
    level: 'branch',
    parentKey: '2025:25459',
  },
  {
    key: '2025:25459-02',
    code: '25459-02',
    name: 'Chi hội Khu phố 2',
    type: 'Chi hội',
    level: 'branch',
    parentKey: '2025:25459',
  },
];

/** The fixture's units. */
export function fixtureUnits(): UnitSource {
  return {
    get: (key) => UNITS.find((u) => u.key === key),
    children: (key) => UNITS.filter((u) => u.parentKey === key),
    search: (query, limit) => UNITS.filter((u) => fold(u.name).includes(fold(query))).slice(0, limit),
  };
}

/** Password of the fixture accounts. */
export const FIXTURE_PASSWORD = 'Mật-khẩu-thử-2025';

/** A provincial leader of Tây Ninh and a central analyst. */
export const FIXTURE_ACCOUNTS: MockAccount[] = [
  {
    username: 'leader.tayninh',
    password: FIXTURE_PASSWORD,
    displayName: 'Nguyễn Thị Hồng Nhung',
    role: 'province_leader',
    scope: '2025:80',
  },
  {
    username: 'analyst.central',
    password: FIXTURE_PASSWORD,
    displayName: 'Trần Thị Thu Hà',
    role: 'central_analyst',
    scope: '2025:TW',
  },
];
