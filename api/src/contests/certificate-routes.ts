// Certificates of awarded entries, as PDF.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { certificatePdf } from './certificate.js';
import { contestFor } from './contest-access.js';
import { unitName } from './contest-model.js';
import { listAwards } from './contest-store.js';
import { loadEntry } from './entry-store.js';
import { EntryParams } from './schemas.js';

const ANY: AccessRule = { roles: ALL_ROLES, unit: 'none' };

/** `Date` as dd/MM/yyyy in Vietnam time. */
function vietnamDay(date: Date): string {
  const d = new Date(date.getTime() + 7 * 3_600_000).toISOString();
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** Registers the certificate route. */
export function certificateRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/contests/:contestId/entries/:entryId/certificate',
    {
      config: { access: ANY },
      schema: { tags: ['contests'], summary: 'Certificate (PDF) of an awarded entry', params: EntryParams },
    },
    async (request, reply) => {
      const { contest } = await contestFor(app, request, request.params.contestId);
      const entry = await loadEntry(app.store, contest.id, request.params.entryId);
      const award = (await listAwards(app.store, contest.id)).find((a) => a.entryId === entry?.id);
      if (entry === undefined || award === undefined) throw apiError('CERTIFICATE_NOT_AWARDED');
      const last = contest.definition.stages.length - 1;
      const pdf = await certificatePdf({
        organiser: `Ban Tổ chức hội thi — ${unitName(app.hierarchy, contest.ownerUnit).name}`,
        contestTitle: contest.definition.title,
        authors: entry.authors,
        unit: unitName(app.hierarchy, entry.unitKey).name,
        entryTitle: entry.title,
        award: contest.definition.awards.find((t) => t.key === award.tier)?.label ?? award.tier,
        date: vietnamDay(contest.closes.get(last) ?? new Date(app.clock())),
        number: `${award.position}/${contest.id}-HT`,
      });
      reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="giay-chung-nhan-${contest.id}-${entry.id}.pdf"`,
        );
      return reply.send(Buffer.from(pdf));
    },
  );
}
