/**
 * Hands a downloaded file to the browser to save (an object URL on a temporary link, released after).
 *
 * @example saveFile(blob, 'hoi-vien.xlsx')
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
