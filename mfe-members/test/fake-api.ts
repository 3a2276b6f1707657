// A fake of `api.get` for the module's unit tests: answers by path, or fails with an ApiError.
import { vi } from 'vitest';
import { ApiError, type UnitDetail } from '@vwu/context';

/** A unit detail as `GET /units/:key` answers it. */
export function detail(
  key: string,
  name: string,
  children: number,
  level: UnitDetail['unit']['level'] = 'province',
): UnitDetail {
  const unit = (k: string, n: string, l: UnitDetail['unit']['level']) => ({
    key: k,
    structure: '2025' as const,
    code: k.split(':')[1] ?? k,
    name: n,
    type: l === 'commune' ? 'Phường' : 'Tỉnh',
    level: l,
    parentKey: null,
    depth: 1,
    validFrom: '2025-07-01',
    validTo: null,
    demo: false,
  });
  return {
    unit: unit(key, name, level),
    ancestors: [{ key: '2025:TW', name: 'Trung ương Hội LHPN Việt Nam', level: 'central', inScope: false }],
    children: Array.from({ length: children }, (_, i) =>
      unit(`2025:${25459 + i}`, `Phường Số ${i + 1}`, 'commune'),
    ),
  };
}

/** An ApiError as the context's client raises it. */
export function apiFailure(code: 'OUT_OF_SCOPE' | 'NETWORK_ERROR', status: number): ApiError {
  return new ApiError({
    code,
    status,
    messages: { vi: `Lỗi ${code}`, en: `Error ${code}` },
    language: 'vi',
  });
}

/** `vi.fn` standing in for `api.get`. */
export const get = vi.fn<(path: string, options?: { signal?: AbortSignal }) => Promise<unknown>>();
