/**
 * Membership events: members joining, leaving and moving between units, smart cards, and the monthly
 * registry snapshot a commune reports. Members appear only as pseudonymous keys and coarse attributes.
 */
import { Type } from 'typebox';
import { defineEvent } from './envelope.js';
import { CountSchema, PseudonymKeySchema, UnitKeySchema, attrsSchema } from './fields.js';

/** A member joined the unit. Coarse attributes only: age band and the ethnic-minority flag. */
export const MemberJoinedV1 = defineEvent(
  'member.joined',
  1,
  attrsSchema({
    member_key: PseudonymKeySchema,
    honorary: Type.Boolean(),
    minority: Type.Boolean(),
    age_band: Type.Enum(['18-30', '31-45', '46-60', '61+']),
    via: Type.Enum(['branch', 'online_group', 'application']),
  }),
  'A member joined: pseudonymous key, honorary flag, ethnic-minority flag, age band and how she joined.',
);

/** A member left the unit. */
export const MemberLeftV1 = defineEvent(
  'member.left',
  1,
  attrsSchema({
    member_key: PseudonymKeySchema,
    reason: Type.Enum(['moved', 'deceased', 'resigned', 'other']),
  }),
  'A member left the Union or the unit.',
);

/** A member's record moved between units (migrant members); `from_unit` and `to_unit` differ. */
export const MemberTransferredV1 = defineEvent(
  'member.transferred',
  1,
  attrsSchema({ member_key: PseudonymKeySchema, from_unit: UnitKeySchema, to_unit: UnitKeySchema }),
  'A member record transferred from one unit to another, without duplication.',
);

/** A smart member card activated, first issue or reissue. */
export const CardActivatedV1 = defineEvent(
  'card.activated',
  1,
  attrsSchema({ member_key: PseudonymKeySchema, reissue: Type.Boolean() }),
  'A smart member card activated (first issue or reissue).',
);

/**
 * The monthly registry aggregate a commune reports. Cumulative targets: members and cadres managed in the
 * software (`*_in_software / *_total`) and members using the smart card (`cards_active / members_total`).
 */
export const RegistrySnapshotV1 = defineEvent(
  'registry.snapshot',
  1,
  attrsSchema({
    members_total: CountSchema,
    members_in_software: CountSchema,
    cadres_total: CountSchema,
    cadres_in_software: CountSchema,
    cards_active: CountSchema,
  }),
  'Monthly registry totals: members and cadres, how many are managed in the software, active smart cards.',
);
