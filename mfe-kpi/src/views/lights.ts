import type { Localized } from '@vwu/context';
import type { Light } from '../kpi/targets.js';
import { TEXT } from '../messages.js';

/** The words of each traffic light. */
export const LIGHT_TEXT: Readonly<Record<Light, Localized>> = {
  met: TEXT.lightMet,
  near: TEXT.lightNear,
  missed: TEXT.lightMissed,
  'no-target': TEXT.lightNoTarget,
  'no-data': TEXT.lightNoData,
};
