/**
 * Women's cases and complaints (vụ việc, đơn thư), referenced by a pseudonymous case key so a report and its
 * closure join without personal data. Target: cases reported through portals that are advised or resolved.
 */
import { Type } from 'typebox';
import { defineEvent } from './envelope.js';
import { PseudonymKeySchema, attrsSchema } from './fields.js';

/** A case reported to the unit, with the channel it came through. */
export const CaseReportedV1 = defineEvent(
  'case.reported',
  1,
  attrsSchema({
    case_key: PseudonymKeySchema,
    channel: Type.Enum(['portal', 'hotline', 'in_person', 'online_group']),
    category: Type.Enum([
      'domestic_violence',
      'trafficking',
      'legal_advice',
      'livelihood',
      'family',
      'other',
    ]),
  }),
  'A case or complaint reported: channel and category.',
);

/** A case closed, with its outcome; joins `case.reported` on `case_key`. */
export const CaseClosedV1 = defineEvent(
  'case.closed',
  1,
  attrsSchema({ case_key: PseudonymKeySchema, outcome: Type.Enum(['advised', 'resolved', 'referred']) }),
  'A case closed: advised, resolved or referred.',
);
