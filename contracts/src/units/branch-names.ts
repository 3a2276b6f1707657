/** Northern mountain provinces (old codes) whose villages are called bản: Lào Cai, Điện Biên, Lai Châu, Sơn La, Yên Bái. */
const BAN_PROVINCES = new Set(['10', '11', '12', '14', '15']);

/** Old provinces from Bình Phước (70) southwards call villages ấp and urban quarters khu phố. */
const SOUTH_FROM = '70';

const URBAN_TYPES = new Set(['Phường', 'Thị trấn']);

/**
 * The word for a residential area that hosts a branch, by a simple province rule: urban units have
 * 'Tổ dân phố' ('Khu phố' in the south); rural ones have 'Ấp' in the south, 'Bản' in the northern mountain
 * provinces and 'Thôn' elsewhere.
 *
 * @param oldProvince the pre-2025 province code of the commune that hosts the branch.
 * @param hostType the host's administrative type ('Xã', 'Phường', 'Thị trấn', or 'Huyện' for island districts).
 */
export function placeWord(oldProvince: string, hostType: string): string {
  const south = oldProvince >= SOUTH_FROM;
  if (URBAN_TYPES.has(hostType)) return south ? 'Khu phố' : 'Tổ dân phố';
  if (south) return 'Ấp';
  return BAN_PROVINCES.has(oldProvince) ? 'Bản' : 'Thôn';
}

/** Name of the branch numbered `n` in a host. @example branchName('Thôn', 3) // 'Chi hội Thôn 3' */
export function branchName(word: string, n: number): string {
  return `Chi hội ${word} ${n}`;
}

/** Two-digit branch number. @example branchSuffix(7) // '07' */
export function branchSuffix(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A commune's name without its type prefix, used to tell apart same-named branches that came from different
 * old communes into one new commune. @example bareName('Phường Trúc Bạch') // 'Trúc Bạch'
 */
export function bareName(name: string): string {
  return name.replace(/^(Xã|Phường|Thị trấn|Đặc khu|Huyện|Quận|Thị xã|Thành phố) /, '');
}
