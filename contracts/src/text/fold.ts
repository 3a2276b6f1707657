/**
 * Folds Vietnamese text for search: lower case, no tone marks or diacritics, `đ` → `d`,
 * collapsed whitespace. "Nguyễn Thị Hoà" and "Nguyễn Thị Hòa" both fold to "nguyen thi hoa".
 *
 * @example foldVietnamese('  Đặng Thị   Hòa ') // 'dang thi hoa'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
