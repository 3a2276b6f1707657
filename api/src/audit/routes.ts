import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { AccessRule } from '../access/rules.js';
import { withErrors } from '../http/schemas.js';
import { SqlParams } from '../store/sql-params.js';

/** Only administrators read the audit log (entries are not tied to units yet). */
const ADMINS: AccessRule = { roles: ['administrator'], unit: 'none' };

const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Entries with a smaller id (next page)' })),
    action: Type.Optional(Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*$', maxLength: 64 })),
  },
  { additionalProperties: false },
);

const AuditEntryOut = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String({ format: 'date-time' }),
    actorUserId: Type.Union([Type.Integer(), Type.Null()]),
    action: Type.String(),
    entity: Type.String(),
    entityId: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown(),
    after: Type.Unknown(),
    requestId: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'AuditEntry' },
);

interface AuditRow {
  id: number;
  at: Date;
  actor_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/** `GET /audit`: the newest audit entries first, paged by id, optionally of one action (administrators). */
export const auditPlugin = fp(
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    app.get(
      '/audit',
      {
        config: { access: ADMINS },
        schema: {
          tags: ['audit'],
          summary: 'Audit log, newest first',
          querystring: AuditQuery,
          response: withErrors({ 200: Type.Object({ entries: Type.Array(AuditEntryOut) }) }),
        },
      },
      async (request) => {
        const p = new SqlParams();
        const where: string[] = [];
        if (request.query.before !== undefined) where.push(`id < ${p.add(request.query.before)}`);
        if (request.query.action !== undefined) where.push(`action = ${p.add(request.query.action)}`);
        const { rows } = await app.store.query<AuditRow>(
          `SELECT id, at, actor_user_id, action, entity, entity_id, before, after, request_id FROM audit_log
           ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${p.add(request.query.limit ?? 100)}`,
          p.values,
        );
        return {
          entries: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            actorUserId: r.actor_user_id,
            action: r.action,
            entity: r.entity,
            entityId: r.entity_id,
            before: r.before,
            after: r.after,
            requestId: r.request_id,
          })),
        };
      },
    );
  },
  { name: 'vwu-audit', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);
