// Attachments of entries: uploaded as multipart (one file, type and size checked, content sniffed), kept in
// the store, downloaded by whoever may see the entry.
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { ALL_ROLES, type AccessRule } from '../access/rules.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { audit, contestFor } from './contest-access.js';
import { editableEntry, seesEntry } from './entry-routes.js';
import { insertAttachment, loadAttachment, loadEntry } from './entry-store.js';
import { AttachmentOut, AttachmentParams, EntryParams } from './schemas.js';

/** Largest attachment, in MB (a video goes as a link). */
export const ATTACHMENT_MAX_MB = 10;

/** Accepted types with how their content starts (sniffed, so a renamed file is refused). */
const TYPES: Record<string, (head: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'video/mp4': (b) => b.subarray(4, 8).toString('latin1') === 'ftyp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (b) =>
    b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': (b) =>
    b.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004',
};

const EDITORS: AccessRule = { roles: ['commune_officer', 'contest_organiser'], unit: 'none' };
const ANY: AccessRule = { roles: ALL_ROLES, unit: 'none' };

/** A file name without path separators or control characters, at most 200 characters. */
function safeName(name: string): string {
  const cleaned = [...name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('');
  return cleaned.slice(-200) || 'tep';
}

/** Registers the attachment routes in their own context (multipart parsing stays inside it). */
export async function attachmentRoutes(parent: FastifyInstance): Promise<void> {
  await parent.register(async (child) => {
    await child.register(multipart, {
      limits: { fileSize: ATTACHMENT_MAX_MB * 1_000_000, files: 1, fields: 0 },
    });
    const app = child.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['contests'];

    app.post(
      '/contests/:contestId/entries/:entryId/attachments',
      {
        config: { access: EDITORS },
        schema: {
          tags,
          summary: `Attach a file to an entry (multipart field "file": PDF, DOCX, PPTX, JPEG, PNG, MP4; ≤ ${ATTACHMENT_MAX_MB} MB)`,
          params: EntryParams,
          response: withErrors({ 201: AttachmentOut }),
        },
      },
      async (request, reply) => {
        const { contestId, entryId } = request.params;
        const { entry } = await editableEntry(app, request, contestId, entryId);
        if (!request.isMultipart()) throw apiError('ATTACHMENT_MISSING');
        const file = await request.file();
        if (file === undefined) throw apiError('ATTACHMENT_MISSING');
        const sniff = TYPES[file.mimetype];
        if (sniff === undefined) {
          file.file.resume();
          throw apiError('ATTACHMENT_TYPE_REFUSED', {}, { contentType: file.mimetype });
        }
        let data: Buffer;
        try {
          data = await file.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw apiError('ATTACHMENT_TOO_LARGE', { limit: String(ATTACHMENT_MAX_MB) });
          throw error;
        }
        if (!sniff(data)) throw apiError('ATTACHMENT_TYPE_REFUSED', {}, { contentType: file.mimetype });
        const fileName = safeName(file.filename);
        const sha256 = createHash('sha256').update(data).digest('hex');
        const id = await app.store.transaction(async (tx) => {
          const created = await insertAttachment(tx, {
            entryId: entry.id,
            fileName,
            contentType: file.mimetype,
            sizeBytes: data.length,
            sha256,
            data,
            userId: request.access!.principal.userId,
            now: new Date(app.clock()),
          });
          await audit(tx, request, {
            action: 'contest.attachment_add',
            entity: 'contest_attachment',
            entityId: created,
            after: {
              entryId: entry.id,
              fileName,
              contentType: file.mimetype,
              sizeBytes: data.length,
              sha256,
            },
          });
          return created;
        });
        reply.code(201);
        return { id, fileName, contentType: file.mimetype, sizeBytes: data.length };
      },
    );

    app.get(
      '/contests/:contestId/attachments/:attachmentId',
      {
        config: { access: ANY },
        schema: { tags, summary: 'Download an attachment', params: AttachmentParams },
      },
      async (request, reply) => {
        const { contestId, attachmentId } = request.params;
        const found = await contestFor(app, request, contestId);
        const attachment = await loadAttachment(app.store, contestId, attachmentId);
        const entry = attachment && (await loadEntry(app.store, contestId, attachment.entryId));
        if (attachment === undefined || entry === undefined || !seesEntry(app, found, entry))
          throw apiError('ATTACHMENT_NOT_FOUND');
        reply
          .header('content-type', attachment.contentType)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
          )
          .header('x-content-type-options', 'nosniff');
        return reply.send(attachment.data);
      },
    );
  });
}
