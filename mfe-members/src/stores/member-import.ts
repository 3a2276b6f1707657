import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ApiError } from '@vwu/context';
import { commitImport, downloadImportErrors, uploadImport } from '../api/members-api.js';
import type { ImportFieldName, ImportPreview, ImportResult } from '../api/wire.js';
import { shownError } from '../lib/errors.js';
import { saveFile } from '../lib/save-file.js';

/** Where the import wizard is. */
export type ImportStep = 'choose' | 'uploading' | 'mapping' | 'checking' | 'checked' | 'importing' | 'done';

/** Largest file the wizard sends (the API reads XLSX and CSV on the server). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
const ACCEPTED = /\.(xlsx|csv)$/i;

/** Fields every import must map (the rest are optional). */
export const REQUIRED_FIELDS: readonly ImportFieldName[] = ['fullName', 'dateOfBirth', 'joinedOn'];

/**
 * The import wizard: upload (the API parses XLSX/CSV and suggests a column mapping), map columns, check
 * (a dry run: counts and per-row problems), import the good rows, download the bad rows as a file. The API
 * fingerprints rows, so importing the same file again creates no duplicates.
 */
export const useMemberImport = defineStore('members.import', () => {
  const step = ref<ImportStep>('choose');
  const preview = shallowRef<ImportPreview | null>(null);
  const mapping = ref<Record<string, ImportFieldName>>({});
  const result = shallowRef<ImportResult | null>(null);
  const error = shallowRef<ApiError | null>(null);
  /** A problem found before anything was sent (wrong file type, too big, a required field not mapped). */
  const problem = ref<'file-type' | 'file-size' | 'unmapped' | 'mapped-twice' | null>(null);
  let unitKey = '';

  const unmapped = computed(() => REQUIRED_FIELDS.filter((f) => !Object.values(mapping.value).includes(f)));
  const mappedTwice = computed(() => {
    const used = Object.values(mapping.value).filter((f) => f !== 'ignore');
    return [...new Set(used.filter((f, i) => used.indexOf(f) !== i))];
  });

  function reset(): void {
    step.value = 'choose';
    preview.value = null;
    mapping.value = {};
    result.value = null;
    error.value = null;
    problem.value = null;
  }

  /** Sends the file; the preview and the suggested mapping come back. */
  async function upload(key: string, file: File): Promise<void> {
    reset();
    unitKey = key;
    if (!ACCEPTED.test(file.name)) {
      problem.value = 'file-type';
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      problem.value = 'file-size';
      return;
    }
    step.value = 'uploading';
    try {
      preview.value = await uploadImport(key, file);
      mapping.value = { ...preview.value.suggestedMapping };
      step.value = 'mapping';
    } catch (e) {
      error.value = shownError(e);
      step.value = 'choose';
    }
  }

  async function commit(dryRun: boolean): Promise<void> {
    const shown = preview.value;
    if (shown === null) return;
    problem.value =
      unmapped.value.length > 0 ? 'unmapped' : mappedTwice.value.length > 0 ? 'mapped-twice' : null;
    if (problem.value !== null) return;
    const back = step.value;
    step.value = dryRun ? 'checking' : 'importing';
    error.value = null;
    try {
      result.value = await commitImport(unitKey, shown.importId, mapping.value, dryRun);
      step.value = dryRun ? 'checked' : 'done';
    } catch (e) {
      error.value = shownError(e);
      step.value = back;
    }
  }

  /** Saves the rejected rows (with their problems) as a file. */
  async function downloadErrors(format: 'xlsx' | 'csv'): Promise<void> {
    const shown = preview.value;
    if (shown === null) return;
    try {
      const file = await downloadImportErrors(unitKey, shown.importId, format);
      saveFile(file.blob, file.fileName ?? `dong-loi.${format}`);
    } catch (e) {
      error.value = shownError(e);
    }
  }

  /** Maps a column to a field (changes go back to the mapping step). */
  function map(header: string, field: ImportFieldName): void {
    mapping.value = { ...mapping.value, [header]: field };
    if (step.value === 'checked') step.value = 'mapping';
    problem.value = null;
  }

  return {
    step,
    preview,
    mapping,
    result,
    error,
    problem,
    unmapped,
    mappedTwice,
    reset,
    upload,
    check: () => commit(true),
    run: () => commit(false),
    downloadErrors,
    map,
  };
});
