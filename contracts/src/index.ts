export { foldVietnamese } from './text/fold.js';

// Activity events: versioned contracts and the one runtime validator.
export { EVENT_TYPES, LATEST_VERSION, eventSchema } from './events/catalogue.js';
export { InvalidEventError, decodeEvent, encodeEvent } from './events/codec.js';
export { UnitKeySchema } from './events/fields.js';
export { formatIssues } from './events/issues.js';
export { upcast } from './events/upcast.js';
export { validateEvent } from './events/validate.js';
export type { ActivityEvent, EventOf, EventType } from './events/catalogue.js';
export type { EventIssue } from './events/issues.js';
export type { LatestEvent, LatestEventOf } from './events/upcast.js';
export type { ValidationResult } from './events/validate.js';

// Unit hierarchy: both structures (pre2025, 2025), lineage, resolve, demo branches.
export { REFORM_DATE, structureAt, validityOf } from './units/calendar.js';
export { CENTRAL_CODE } from './units/central.js';
export { buildHierarchy } from './units/build.js';
export {
  HierarchyDataError,
  InvalidDateError,
  ResolveBackwardsError,
  UnitKeyError,
  UnitNotFoundError,
  UnitNotInForceError,
  UnitsError,
} from './units/errors.js';
export { STRUCTURES, codeOf, levelOfKey, parseUnitKey, structureOf, unitKey } from './units/keys.js';
export { describeRule } from './units/rules.js';
export { SOURCE_FILES, asHierarchySources } from './units/sources.js';
export type { Validity } from './units/calendar.js';
export type { UnitsErrorCode } from './units/errors.js';
export type { Hierarchy } from './units/hierarchy.js';
export type { StructureId, UnitKey, UnitLevel } from './units/keys.js';
export type { SearchOptions } from './units/search.js';
export type {
  HierarchySources,
  LegacyFile,
  MergeRef,
  MergesFile,
  SplitRef,
  SplitsFile,
} from './units/sources.js';
export type { LineageType, Predecessor, ResolveRule, Successor, Unit } from './units/types.js';
