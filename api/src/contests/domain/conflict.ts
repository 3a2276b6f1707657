/** Whether `unit` lies in the subtree of `root` (the unit itself included). */
export type Within = (unit: string, root: string) => boolean;

/**
 * Conflict of interest: a judge never scores an entry from her own unit or a unit below it. A judge whose
 * home unit is the jury's own unit (or above it) represents the organising level and has no such tie; a judge
 * from a unit inside the jury's area is in conflict with every entry of her unit's subtree.
 *
 * @example hasConflict({ juryUnit: '2025:80', judgeHome: '2025:25459', entryUnit: '2025:25459' }, within) // true
 */
export function hasConflict(
  input: { juryUnit: string; judgeHome: string; entryUnit: string },
  within: Within,
): boolean {
  const judgeBelowJury = input.judgeHome !== input.juryUnit && within(input.judgeHome, input.juryUnit);
  return judgeBelowJury && within(input.entryUnit, input.judgeHome);
}
