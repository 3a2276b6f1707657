/** What the contest API answers (api/src/contests/schemas.ts), as this module reads it. */

export type StageStatus = 'upcoming' | 'open' | 'deadline_passed' | 'closed';
export type ForwardRule = { mode: 'top'; count: number } | { mode: 'threshold'; minScore: number };

export interface UnitName {
  key: string;
  name: string;
}

export interface StageDef {
  level: 'commune' | 'province' | 'central';
  opensOn: string;
  closesOn: string;
  forward: ForwardRule;
}

export interface Criterion {
  key: string;
  label: string;
  weight: number;
  maxScore: number;
}

export interface AwardTier {
  key: string;
  label: string;
  count: number;
}

export interface Definition {
  title: string;
  rules: string;
  mode: 'jury' | 'public_vote';
  eligibility: { audiences: string[]; authorKinds: string[] };
  stages: StageDef[];
  criteria: Criterion[];
  awards: AwardTier[];
}

export interface Contest {
  id: number;
  ownerUnit: UnitName;
  definition: Definition;
  stages: (StageDef & { index: number; status: StageStatus; closedAt: string | null })[];
  version: number;
  can: { manage: boolean; submit: boolean; judge: boolean };
}

export interface Attachment {
  id: number;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

export interface Entry {
  id: number;
  unit: UnitName;
  title: string;
  description: string;
  audience: string;
  authorKind: string;
  authors: string[];
  links: string[];
  submittedAt: string;
  withdrawn: boolean;
  stageReached: number;
  forwarded: boolean;
  attachments: Attachment[];
}

export interface NewEntry {
  unitKey: string;
  title: string;
  description: string;
  audience: string;
  authorKind: string;
  authors: string[];
  links: string[];
}

export interface Judge {
  stageIndex: number;
  juryUnit: UnitName;
  /** The jury group has closed on its own (ranking announced, scores final). */
  juryClosed: boolean;
  userId: number;
  displayName: string;
  homeUnit: UnitName;
}

export interface Sheet {
  entryId: number;
  title: string;
  description: string;
  links: string[];
  unit: UnitName;
  conflict: boolean;
  complete: boolean;
  scores: { criterion: string; value: number; comment: string }[];
  attachments: Attachment[];
}

export interface Assignment {
  stageIndex: number;
  status: StageStatus;
  juryUnit: UnitName;
  progress: { scored: number; remaining: number; conflicts: number };
  sheets: Sheet[];
}

export interface Standing {
  entryId: number;
  title: string;
  unit: UnitName;
  score: number | null;
  judges: number;
  rank: number;
  promoted: boolean;
}

export interface Results {
  tieBreak: string;
  stages: { index: number; status: StageStatus; groups: { jury: UnitName; standings: Standing[] }[] }[];
  awards: { entryId: number; title: string; unit: UnitName; tier: string; label: string; position: number }[];
}

export interface Participation {
  units: { unit: UnitName; submitted: number; forwarded: number; awarded: number }[];
}

/** What an entry's owner may change while the first stage is open. */
export type EntryPatch = Partial<Pick<NewEntry, 'title' | 'description' | 'authors' | 'links'>> & {
  withdrawn?: boolean;
};

/** The public ballot of a vote contest; `results` once the vote has closed. */
export interface Ballot {
  contestId: number;
  title: string;
  rules: string;
  owner: string;
  opensOn: string;
  closesOn: string;
  status: StageStatus;
  votesPerSourcePerHour: number;
  entries: { entryId: number; title: string; description: string; unit: string; links: string[] }[];
  results: { entryId: number; title: string; votes: number }[] | null;
}
