// Times an import the way the console does it, over HTTP: upload the XLSX (multipart), then commit the
// mapped rows. The clock runs from the first byte sent to the commit's answer.
import { memberSheet, sheetToXlsx, type HEADERS } from '../test/e2e/member-sheet.ts';

/** The column mapping of the generated sheets (what the wizard's selects would say). */
export const SHEET_MAPPING: Record<(typeof HEADERS)[number], string> = {
  STT: 'ignore',
  'Họ và tên': 'fullName',
  'Ngày sinh': 'dateOfBirth',
  'Giới tính': 'gender',
  'Dân tộc': 'ethnicity',
  'Tôn giáo': 'religion',
  'Số điện thoại': 'phone',
  'Địa chỉ': 'address',
  'Ngày vào hội': 'joinedOn',
  'Trình độ học vấn': 'education',
};

/** What an import took and did. */
export interface ImportTiming {
  seconds: number;
  uploadSeconds: number;
  rows: number;
  inserted: number;
  failed: number;
  fileBytes: number;
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text.slice(0, 400)}`);
  return JSON.parse(text) as T;
}

/** Signs in through the API; resolves the access token. */
export async function accessToken(apiUrl: string, username: string, password: string): Promise<string> {
  const answer = await json<{ accessToken: string }>(
    await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    }),
  );
  return answer.accessToken;
}

/**
 * Imports `rows` generated members (2 % bad) into `unitKey` and times it.
 *
 * @example await timeImport(apiUrl, token, '2025:25459', 100_000)
 */
export async function timeImport(
  apiUrl: string,
  token: string,
  unitKey: string,
  rows: number,
): Promise<ImportTiming> {
  const file = await sheetToXlsx(memberSheet(rows, 0.02, 77));
  const auth = { authorization: `Bearer ${token}` };
  const unit = `${apiUrl}/units/${encodeURIComponent(unitKey)}`;
  const started = performance.now();
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), `hoi-vien-${rows}.xlsx`);
  const preview = await json<{ importId: string; rowCount: number }>(
    await fetch(`${unit}/member-imports`, { method: 'POST', headers: auth, body: form }),
  );
  const uploaded = performance.now();
  const result = await json<{ rows: number; inserted: number; failed: number }>(
    await fetch(`${unit}/member-imports/${preview.importId}/commit`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ mapping: SHEET_MAPPING, dryRun: false }),
    }),
  );
  const done = performance.now();
  return {
    seconds: (done - started) / 1000,
    uploadSeconds: (uploaded - started) / 1000,
    rows: result.rows,
    inserted: result.inserted,
    failed: result.failed,
    fileBytes: file.length,
  };
}
