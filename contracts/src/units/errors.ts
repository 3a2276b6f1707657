/**
 * Every error the unit hierarchy throws, each with a stable `code` that callers (API, pipeline) can map to a
 * response without parsing messages. Messages name the offending input and say what was expected.
 */
export type UnitsErrorCode =
  | 'UNIT_KEY_INVALID'
  | 'DATE_INVALID'
  | 'UNIT_NOT_FOUND'
  | 'UNIT_NOT_IN_FORCE'
  | 'RESOLVE_BACKWARDS'
  | 'HIERARCHY_DATA_INVALID';

/** Base class of the hierarchy's errors. */
export class UnitsError extends Error {
  /** Stable machine-readable code. */
  readonly code: UnitsErrorCode;

  /** @param code stable code; @param message a sentence a person can act on. */
  constructor(code: UnitsErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A key or code does not have the form its structure allows. */
export class UnitKeyError extends UnitsError {
  /** @param message names the bad input and the expected form. */
  constructor(message: string) {
    super('UNIT_KEY_INVALID', message);
  }
}

/** A date is not an ISO calendar date `YYYY-MM-DD`. */
export class InvalidDateError extends UnitsError {
  /** @param message names the bad input and the expected form. */
  constructor(message: string) {
    super('DATE_INVALID', message);
  }
}

/** A well-formed key names no unit in the hierarchy. */
export class UnitNotFoundError extends UnitsError {
  /** @param key the key that was looked up. */
  constructor(key: string) {
    super(
      'UNIT_NOT_FOUND',
      `Unit "${key}" does not exist in the hierarchy (check the structure prefix and code).`,
    );
  }
}

/** A unit was asked about a date on which it is not in force. */
export class UnitNotInForceError extends UnitsError {
  /** @param key the unit; @param atDate the date asked; @param hint what to do instead. */
  constructor(key: string, atDate: string, hint: string) {
    super('UNIT_NOT_IN_FORCE', `Unit "${key}" is not in force on ${atDate}: ${hint}`);
  }
}

/** A 2025 unit was asked to map back onto the pre-2025 structure, which the lineage cannot do faithfully. */
export class ResolveBackwardsError extends UnitsError {
  /** @param key the 2025 unit; @param atDate the pre-reform date asked. */
  constructor(key: string, atDate: string) {
    super(
      'RESOLVE_BACKWARDS',
      `Cannot resolve "${key}" to ${atDate}: figures move forward only (pre2025 → 2025). ` +
        `Resolve the old units to 2025 instead and compare in the 2025 structure.`,
    );
  }
}

/** The reference files are malformed or disagree with each other. */
export class HierarchyDataError extends UnitsError {
  /** @param message what is wrong in which file. */
  constructor(message: string) {
    super('HIERARCHY_DATA_INVALID', message);
  }
}
