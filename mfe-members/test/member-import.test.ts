import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Context from '@vwu/context';
import { fakeApi, resetFakeApi } from './fake-members-api.js';
import { importPreview, importResult } from './members-fixtures.js';

vi.mock('@vwu/context', async (original) => ({
  ...(await original<typeof Context>()),
  api: (await import('./fake-members-api.js')).fakeApi,
}));

const { useMemberImport } = await import('../src/stores/member-import.js');

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);

beforeEach(() => {
  setActivePinia(createPinia());
  resetFakeApi();
});

describe('import wizard store', () => {
  it('uploads the file as multipart, then checks, imports and offers the bad rows', async () => {
    fakeApi.post.mockImplementation(async (path, body) => {
      if (path.endsWith('/member-imports')) return importPreview();
      return importResult((body as { dryRun: boolean }).dryRun);
    });
    const wizard = useMemberImport();
    await wizard.upload('2025:25459', file('hoi-vien.xlsx'));
    const [path, form] = fakeApi.post.mock.calls[0]!;
    expect(path).toBe('/units/2025%3A25459/member-imports');
    expect((form as FormData).get('file')).toBeInstanceOf(File);
    expect(wizard.step).toBe('mapping');
    expect(wizard.unmapped).toEqual(['joinedOn']);

    await wizard.check();
    expect(wizard.problem).toBe('unmapped');
    expect(fakeApi.post).toHaveBeenCalledTimes(1);
    wizard.map('Ngày vào hội', 'joinedOn');
    await wizard.check();
    expect(fakeApi.post.mock.lastCall).toEqual([
      '/units/2025%3A25459/member-imports/5/commit',
      { mapping: { ...importPreview().suggestedMapping, 'Ngày vào hội': 'joinedOn' }, dryRun: true },
    ]);
    expect(wizard.step).toBe('checked');
    await wizard.run();
    expect(wizard.step).toBe('done');
    expect(wizard.result?.inserted).toBe(9);
  });

  it('refuses a column mapped to one field twice, before sending anything', async () => {
    fakeApi.post.mockResolvedValue(importPreview());
    const wizard = useMemberImport();
    await wizard.upload('2025:25459', file('a.csv'));
    wizard.map('Ngày vào hội', 'joinedOn');
    wizard.map('Ghi chú', 'fullName');
    await wizard.check();
    expect(wizard.problem).toBe('mapped-twice');
    expect(wizard.mappedTwice).toEqual(['fullName']);
  });

  it.each([
    { name: 'a PDF', file: file('danh-sach.pdf'), problem: 'file-type' },
    { name: 'a file over 50 MB', file: file('big.xlsx', 50 * 1024 * 1024 + 1), problem: 'file-size' },
  ])('refuses $name without uploading it', async ({ file, problem }) => {
    const wizard = useMemberImport();
    await wizard.upload('2025:25459', file);
    expect(wizard.problem).toBe(problem);
    expect(fakeApi.post).not.toHaveBeenCalled();
  });

  it('downloads the bad rows in the chosen format', async () => {
    fakeApi.post.mockResolvedValue(importPreview());
    fakeApi.download.mockResolvedValue({ blob: new Blob(['x']), fileName: 'dong-loi.csv' });
    const created = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const wizard = useMemberImport();
    await wizard.upload('2025:25459', file('a.xlsx'));
    await wizard.downloadErrors('csv');
    expect(fakeApi.download).toHaveBeenCalledWith('/units/2025%3A25459/member-imports/5/errors', {
      query: { format: 'csv' },
    });
    expect(created).toHaveBeenCalled();
  });
});
