/**
 * Indices of the per-target performance draws ({@link quality}): each target gets its own variation so a
 * unit can be good at documents and poor at posts, as real units are.
 */
export const T = {
  receivedOnline: 1,
  issuedDigital: 2,
  workfileOnline: 3,
  materialsDigitised: 4,
  activitiesDigitised: 5,
  posts: 6,
  reports: 7,
  reportsViaSoftware: 8,
  itTraining: 9,
  cases: 10,
  meetings: 11,
  registryDigitised: 12,
  contest: 13,
  groups: 14,
} as const;

/** Clamps a probability into [0, 1]. */
export function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
