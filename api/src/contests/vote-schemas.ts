// The public ballot of a vote contest: what a member sees before voting, and the counts once it has closed.
import { Type } from 'typebox';

const VoteCount = Type.Object({ entryId: Type.Integer(), title: Type.String(), votes: Type.Integer() });

/** Vote counts, best first. */
export const VoteResults = Type.Object({ votes: Type.Array(VoteCount) });

/** The ballot: entries to choose from (no authors: names stay with the organisers), counts after close. */
export const BallotOut = Type.Object({
  contestId: Type.Integer(),
  title: Type.String(),
  rules: Type.String(),
  owner: Type.String(),
  opensOn: Type.String({ format: 'date' }),
  closesOn: Type.String({ format: 'date' }),
  status: Type.Union([
    Type.Literal('upcoming'),
    Type.Literal('open'),
    Type.Literal('deadline_passed'),
    Type.Literal('closed'),
  ]),
  votesPerSourcePerHour: Type.Integer(),
  entries: Type.Array(
    Type.Object({
      entryId: Type.Integer(),
      title: Type.String(),
      description: Type.String(),
      unit: Type.String(),
      links: Type.Array(Type.String()),
    }),
  ),
  results: Type.Union([Type.Array(VoteCount), Type.Null()]),
});
