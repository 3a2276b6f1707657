import { UnitKeyError } from './errors.js';

/**
 * The administrative structure a unit code belongs to: `'pre2025'` (in force until 2025-06-30: 63 provinces,
 * 696 districts, 10,047 communes) or `'2025'` (from 2025-07-01: 34 provinces, 3,321 communes, no district tier).
 * Old and new codes share one number space, so a code means nothing without its structure.
 */
export type StructureId = 'pre2025' | '2025';

/** Tier of a unit in the Union's hierarchy; `'district'` exists in the `'pre2025'` structure only. */
export type UnitLevel = 'central' | 'province' | 'district' | 'commune' | 'branch';

/**
 * A unit code bound to its structure, text form `${structure}:${code}` (`'2025:00004'`, `'pre2025:00004'`,
 * `'2025:TW'`, `'2025:00004-07'`). Only {@link unitKey} and {@link parseUnitKey} make one, so a bare code
 * can never be passed where a key is expected.
 */
export type UnitKey = string & { readonly __unitKey: unique symbol };

/** The structures, oldest first. */
export const STRUCTURES: readonly StructureId[] = ['pre2025', '2025'];

const CODE_SHAPES: ReadonlyArray<{ level: UnitLevel; pattern: RegExp; structures: readonly StructureId[] }> =
  [
    { level: 'central', pattern: /^TW$/, structures: STRUCTURES },
    { level: 'province', pattern: /^\d{2}$/, structures: STRUCTURES },
    { level: 'district', pattern: /^\d{3}$/, structures: ['pre2025'] },
    { level: 'commune', pattern: /^\d{5}$/, structures: STRUCTURES },
    { level: 'branch', pattern: /^\d{5}-(0[1-9]|[1-9]\d)$/, structures: STRUCTURES },
    // Five island districts had no communes before 2025; their branches hang from the district itself.
    { level: 'branch', pattern: /^\d{3}-(0[1-9]|[1-9]\d)$/, structures: ['pre2025'] },
  ];

const EXPECTED_CODES: Record<StructureId, string> = {
  pre2025:
    "'TW', a 2-digit province, a 3-digit district, a 5-digit commune or a branch '<commune>-<01..99>' " +
    "(or '<island district>-<01..99>')",
  '2025': "'TW', a 2-digit province, a 5-digit commune or a branch '<commune>-<01..99>'",
};

function isStructure(value: string): value is StructureId {
  return value === 'pre2025' || value === '2025';
}

function codeLevel(structure: StructureId, code: string): UnitLevel | undefined {
  const shape = CODE_SHAPES.find((s) => s.structures.includes(structure) && s.pattern.test(code));
  return shape?.level;
}

/**
 * Builds the key of `code` in `structure`, checking that the code has a shape valid there.
 *
 * @throws UnitKeyError when the structure is unknown or the code does not fit it.
 * @example unitKey('2025', '00004') // '2025:00004' (Phường Ba Đình, not the old Phường Trúc Bạch)
 */
export function unitKey(structure: StructureId, code: string): UnitKey {
  if (!isStructure(structure)) {
    throw new UnitKeyError(`Unknown structure "${String(structure)}": expected 'pre2025' or '2025'.`);
  }
  if (codeLevel(structure, code) === undefined) {
    throw new UnitKeyError(
      `Invalid ${structure} unit code "${code}": expected ${EXPECTED_CODES[structure]}.`,
    );
  }
  return `${structure}:${code}` as UnitKey;
}

/**
 * Parses the text form `${structure}:${code}` into a key.
 *
 * @throws UnitKeyError naming the bad input and the expected form.
 * @example parseUnitKey('pre2025:00004') // old Phường Trúc Bạch
 */
export function parseUnitKey(text: string): UnitKey {
  const colon = text.indexOf(':');
  if (colon < 0) {
    throw new UnitKeyError(
      `Invalid unit key "${text}": expected "<structure>:<code>" with structure 'pre2025' or '2025', ` +
        `e.g. "2025:00004" or "pre2025:00004".`,
    );
  }
  const structure = text.slice(0, colon);
  if (!isStructure(structure)) {
    throw new UnitKeyError(
      `Invalid unit key "${text}": unknown structure "${structure}", expected 'pre2025' or '2025'.`,
    );
  }
  const code = text.slice(colon + 1);
  if (codeLevel(structure, code) === undefined) {
    throw new UnitKeyError(
      `Invalid unit key "${text}": expected ${EXPECTED_CODES[structure]} after "${structure}:".`,
    );
  }
  return text as UnitKey;
}

/** The structure a key belongs to. @example structureOf(parseUnitKey('pre2025:01')) // 'pre2025' */
export function structureOf(key: UnitKey): StructureId {
  return key.startsWith('2025:') ? '2025' : 'pre2025';
}

/** The bare code of a key, meaningless without {@link structureOf}. @example codeOf(key) // '00004' */
export function codeOf(key: UnitKey): string {
  return key.slice(key.indexOf(':') + 1);
}

/** The level a key's code shape denotes. @example levelOfKey(parseUnitKey('2025:00004-07')) // 'branch' */
export function levelOfKey(key: UnitKey): UnitLevel {
  const level = codeLevel(structureOf(key), codeOf(key));
  if (level === undefined) throw new UnitKeyError(`Invalid unit key "${key}".`);
  return level;
}
