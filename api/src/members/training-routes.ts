/**
 * Cadre training records (who was trained on what, when): per member, and per unit for the training
 * targets. A member with at least one record is `trained` (the list filter).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { SqlParams } from '../store/sql-params.js';
import type { Queryable } from '../store/store.js';
import { READ_IN_UNIT, WRITE_IN_UNIT } from './access.js';
import { problem } from './field-problems.js';
import { parseDate } from './member-fields.js';
import { membersWithin } from './member-scope.js';
import { memberTrainings, requireMember, trainingView, type TrainingRow } from './member-store.js';
import { MemberParams, TrainingOut, TrainingParams, UnitOnlyParams } from './schemas.js';
import {
  MemberTrainingsOut,
  TrainingCreate,
  TrainingListOut,
  TrainingListQuery,
  TrainingUpdate,
  type TrainingUpdateBody,
} from './workflow-schemas.js';
import { audit, writeContext } from './write-context.js';

const COLUMNS = 't.id, t.member_id, t.topic, t.title, t.trained_on, t.hours, t.provider';

function checkedDate(text: string | undefined, today: string): string | undefined {
  if (text === undefined) return undefined;
  const date = parseDate(text);
  if (date === 'format' || date === 'calendar' || date > today)
    throw apiError('MEMBER_INVALID', {}, [
      problem('trainedOn', date === 'calendar' ? 'date_not_calendar' : 'date_format'),
    ]);
  return date;
}

async function refreshTrained(tx: Queryable, memberId: number): Promise<void> {
  await tx.query(
    'UPDATE member SET trained = EXISTS (SELECT 1 FROM member_training WHERE member_id = $1) WHERE id = $1',
    [memberId],
  );
}

/** Registers the training routes. */
export function trainingRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['members'];
  const base = '/units/:unitKey/members/:memberId/trainings';

  app.get(
    base,
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags,
        summary: "A member's training records",
        params: MemberParams,
        response: withErrors({ 200: MemberTrainingsOut }),
      },
    },
    async (request) => {
      const member = await requireMember(app.store, request.params.memberId, requireUnit(request).unit);
      return { items: await memberTrainings(app.store, member.id) };
    },
  );

  app.post(
    base,
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Add a training record',
        params: MemberParams,
        body: TrainingCreate,
        response: withErrors({ 201: TrainingOut }),
      },
    },
    async (request, reply) => {
      const ctx = writeContext(app, request);
      const trainedOn = checkedDate(request.body.trainedOn, ctx.today);
      const b = request.body;
      const row = await app.store.transaction(async (tx) => {
        const member = await requireMember(tx, request.params.memberId, requireUnit(request).unit, true);
        const { rows } = await tx.query<TrainingRow>(
          `INSERT INTO member_training AS t (member_id, topic, title, trained_on, hours, provider, created_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
          [
            member.id,
            b.topic,
            b.title ?? null,
            trainedOn,
            b.hours ?? null,
            b.provider ?? null,
            ctx.at,
            ctx.actor,
          ],
        );
        const created = rows[0] as TrainingRow;
        await refreshTrained(tx, member.id);
        await audit(tx, ctx, 'member_training.create', 'member_training', created.id, null, {
          memberKey: member.member_key,
          topic: b.topic,
          trainedOn,
        });
        return created;
      });
      return reply.status(201).send(trainingView(row));
    },
  );

  const one = async (q: Queryable, memberId: number, trainingId: string) => {
    const { rows } = await q.query<TrainingRow>(
      `SELECT ${COLUMNS} FROM member_training t WHERE t.id = $1::bigint AND t.member_id = $2 FOR UPDATE`,
      [trainingId, memberId],
    );
    if (rows[0] === undefined) throw apiError('TRAINING_NOT_FOUND');
    return rows[0];
  };

  app.patch(
    `${base}/:trainingId`,
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Edit a training record',
        params: TrainingParams,
        body: TrainingUpdate,
        response: withErrors({ 200: TrainingOut }),
      },
    },
    async (request) => {
      const ctx = writeContext(app, request);
      const b: TrainingUpdateBody = request.body;
      const trainedOn = checkedDate(b.trainedOn, ctx.today);
      return app.store.transaction(async (tx) => {
        const member = await requireMember(tx, request.params.memberId, requireUnit(request).unit, true);
        const before = await one(tx, member.id, request.params.trainingId);
        const p = new SqlParams();
        const sets = [
          ['topic', b.topic],
          ['title', b.title],
          ['trained_on', trainedOn],
          ['hours', b.hours],
          ['provider', b.provider],
        ]
          .filter(([, v]) => v !== undefined)
          .map(([column, v]) => `${column as string} = ${p.add(v)}`);
        if (sets.length === 0) return trainingView(before);
        const { rows } = await tx.query<TrainingRow>(
          `UPDATE member_training t SET ${sets.join(', ')} WHERE t.id = ${p.add(before.id)} RETURNING ${COLUMNS}`,
          p.values,
        );
        await audit(
          tx,
          ctx,
          'member_training.update',
          'member_training',
          before.id,
          { topic: before.topic, trainedOn: before.trained_on },
          {
            topic: rows[0]?.topic,
            trainedOn: rows[0]?.trained_on,
          },
        );
        return trainingView(rows[0] as TrainingRow);
      });
    },
  );

  app.delete(
    `${base}/:trainingId`,
    {
      config: { access: WRITE_IN_UNIT },
      schema: {
        tags,
        summary: 'Remove a training record',
        params: TrainingParams,
        response: withErrors({ 204: { type: 'null' } }),
      },
    },
    async (request, reply) => {
      const ctx = writeContext(app, request);
      await app.store.transaction(async (tx) => {
        const member = await requireMember(tx, request.params.memberId, requireUnit(request).unit, true);
        const before = await one(tx, member.id, request.params.trainingId);
        await tx.query('DELETE FROM member_training WHERE id = $1', [before.id]);
        await refreshTrained(tx, member.id);
        await audit(
          tx,
          ctx,
          'member_training.delete',
          'member_training',
          before.id,
          { topic: before.topic, trainedOn: before.trained_on },
          null,
        );
      });
      return reply.status(204).send();
    },
  );

  app.get(
    '/units/:unitKey/trainings',
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags,
        summary: 'Training records of the members within a unit, with totals for the training targets',
        params: UnitOnlyParams,
        querystring: TrainingListQuery,
        response: withErrors({ 200: TrainingListOut }),
      },
    },
    async (request) => {
      const { unit } = requireUnit(request);
      const p = new SqlParams();
      const conditions = [membersWithin('m', unit, p), "m.status <> 'merged'"];
      if (request.query.topic !== undefined) conditions.push(`t.topic = ${p.add(request.query.topic)}`);
      if (request.query.year !== undefined) {
        conditions.push(`t.trained_on >= ${p.add(`${request.query.year}-01-01`)}::date`);
        conditions.push(`t.trained_on < ${p.add(`${request.query.year + 1}-01-01`)}::date`);
      }
      const from = `FROM member_training t JOIN member m ON m.id = t.member_id WHERE ${conditions.join(' AND ')}`;
      const totals = await app.store.query<{ records: number; members: number }>(
        `SELECT count(*)::int AS records, count(DISTINCT t.member_id)::int AS members ${from}`,
        p.values,
      );
      const { rows } = await app.store.query<TrainingRow & { member_name: string; unit_key: string }>(
        `SELECT ${COLUMNS}, m.full_name AS member_name, m.unit_key ${from} ORDER BY t.trained_on DESC, t.id DESC LIMIT ${p.add(request.query.limit ?? 200)}`,
        p.values,
      );
      return {
        items: rows.map((r) => ({ ...trainingView(r), memberName: r.member_name, unitKey: r.unit_key })),
        totals: { records: totals.rows[0]?.records ?? 0, membersTrained: totals.rows[0]?.members ?? 0 },
      };
    },
  );
}
