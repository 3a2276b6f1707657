/**
 * Events about the unit's paperwork: documents received and issued, work files, reports to the level above.
 * Secret documents are carried (so totals reconcile) and excluded from targets by their `secret` flag.
 */
import { Type } from 'typebox';
import { defineEvent } from './envelope.js';
import { attrsSchema } from './fields.js';

/** An incoming document. Target: non-secret incoming documents processed online. */
export const DocumentReceivedV1 = defineEvent(
  'document.received',
  1,
  attrsSchema({ secret: Type.Boolean(), processing: Type.Enum(['online', 'paper']) }),
  'An incoming document (văn bản đến), processed online or on paper.',
);

/** An outgoing document. Target: non-secret issued documents both digitally signed and electronic. */
export const DocumentIssuedV1 = defineEvent(
  'document.issued',
  1,
  attrsSchema({
    secret: Type.Boolean(),
    digitally_signed: Type.Boolean(),
    electronic: Type.Boolean({ description: 'issued through the national document exchange' }),
  }),
  'An outgoing document (văn bản đi): digitally signed (ký số) and/or issued electronically.',
);

/** A work file (hồ sơ công việc) closed. Target: work files processed online. */
export const WorkfileProcessedV1 = defineEvent(
  'workfile.processed',
  1,
  attrsSchema({ online: Type.Boolean() }),
  'A work file processed, online or not.',
);

/**
 * A periodic report submitted to the level above. Target: units reporting through the software
 * (distinct `unit_code` with `via_software` in the year).
 */
export const ReportSubmittedV1 = defineEvent(
  'report.submitted',
  1,
  attrsSchema({
    period: Type.String({
      maxLength: 7,
      pattern: '^\\d{4}(-(0[1-9]|1[0-2]|H[12]))?$',
      description: 'a report period YYYY-MM, YYYY-H1, YYYY-H2 or YYYY, e.g. 2025-07',
    }),
    via_software: Type.Boolean(),
  }),
  'A monthly, half-yearly or yearly report submitted, through the software or not.',
);
