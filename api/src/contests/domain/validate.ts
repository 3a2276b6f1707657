import { stageWindow } from './deadlines.js';
import type { ContestDefinition, JuryLevel } from './types.js';

/** One problem of a definition: the field (dotted path) and what is wrong, in words a person can act on. */
export interface DefinitionProblem {
  field: string;
  problem: string;
}

const LEVEL_ORDER: Record<JuryLevel, number> = { commune: 0, province: 1, central: 2 };

/**
 * The problems of a contest definition, none when it is usable: stages in order of level and time, without
 * overlap; unique criterion keys; a public vote has one stage.
 *
 * @example definitionProblems(def) // [{ field: 'stages.1.opensOn', problem: 'starts before stage 1 ends' }]
 */
export function definitionProblems(def: ContestDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  if (def.stages.length === 0) problems.push({ field: 'stages', problem: 'at least one stage is needed' });
  def.stages.forEach((stage, i) => {
    const { opensAt, closesAt } = stageWindow(stage);
    if (Number.isNaN(opensAt) || Number.isNaN(closesAt) || closesAt <= opensAt)
      problems.push({
        field: `stages.${i}.closesOn`,
        problem: 'the last day must be on or after the first day',
      });
    const before = def.stages[i - 1];
    if (before === undefined) return;
    if (opensAt < stageWindow(before).closesAt)
      problems.push({ field: `stages.${i}.opensOn`, problem: `starts before stage ${i} ends` });
    if (LEVEL_ORDER[stage.level] < LEVEL_ORDER[before.level])
      problems.push({ field: `stages.${i}.level`, problem: 'a stage cannot go down a level' });
  });
  if (def.mode === 'public_vote' && def.stages.length !== 1)
    problems.push({ field: 'stages', problem: 'a public vote has exactly one stage' });
  const keys = new Set<string>();
  def.criteria.forEach((c, i) => {
    if (keys.has(c.key)) problems.push({ field: `criteria.${i}.key`, problem: `"${c.key}" is used twice` });
    keys.add(c.key);
  });
  if (def.mode === 'jury' && def.criteria.length === 0)
    problems.push({ field: 'criteria', problem: 'a jury contest needs at least one criterion' });
  return problems;
}
