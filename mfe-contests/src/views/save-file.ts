/**
 * Hands a downloaded file to the browser as a download named `fileName`.
 *
 * @example saveFile(blob, 'giay-chung-nhan-1-3.pdf')
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
