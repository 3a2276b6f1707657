/**
 * Import routes: upload (multipart, preview with suggested column mapping), commit with a mapping (or a dry
 * run), and the rejected rows as a downloadable file. Multipart parsing lives in this plugin context only.
 */
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { READ_IN_UNIT, WRITE_IN_UNIT } from './access.js';
import { IMPORT_MAX_BYTES } from './import-parse.js';
import { TableCache } from './table-cache.js';
import { branchFinder, columnsOf, readRows, suggestMapping, type ReadRow } from './import-rows.js';
import {
  insertRows,
  knownFingerprints,
  loadUpload,
  recordOutcome,
  saveUpload,
  storedBadRows,
  type BadRow,
} from './import-store.js';
import { placeOf, type MemberPlace } from './member-scope.js';
import { ImportParams, UnitOnlyParams } from './schemas.js';
import { CONTENT_TYPE, tableStream } from './table-file.js';
import { ImportCommit, ImportErrorsQuery, ImportPreviewOut, ImportResultOut } from './workflow-schemas.js';
import { writeContext } from './write-context.js';

/** Rejected rows listed in the commit answer (all of them are in the error file). */
const ERRORS_IN_ANSWER = 1_000;

function safeName(name: string): string {
  const cleaned = [...name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('');
  return cleaned.slice(-200) || 'hoi-vien';
}

/** Registers the import routes in their own context. */
export async function importRoutes(parent: FastifyInstance): Promise<void> {
  const tables = new TableCache();
  await parent.register(async (child) => {
    await child.register(multipart, {
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    });
    const app = child.withTypeProvider<TypeBoxTypeProvider>();
    const tags = ['members'];

    app.post(
      '/units/:unitKey/member-imports',
      {
        config: { access: WRITE_IN_UNIT },
        schema: {
          tags,
          summary: `Upload an XLSX or CSV member list (multipart field "file", ≤ ${IMPORT_MAX_BYTES / 1024 / 1024} MB): preview and suggested column mapping`,
          params: UnitOnlyParams,
          response: withErrors({ 201: ImportPreviewOut }),
        },
      },
      async (request, reply) => {
        const { unit } = requireUnit(request);
        if (unit.structure !== '2025') throw apiError('MEMBER_LIST_UNIT_INVALID');
        if (!request.isMultipart()) throw apiError('IMPORT_FILE_MISSING');
        const file = await request.file();
        if (file === undefined || file.fieldname !== 'file') throw apiError('IMPORT_FILE_MISSING');
        let data: Buffer;
        try {
          data = await file.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
            throw apiError('IMPORT_TOO_LARGE', { limit: IMPORT_MAX_BYTES / 1024 / 1024, rows: 200_000 });
          throw error;
        }
        const table = await tables.read(data);
        const ctx = writeContext(app, request);
        const fileName = safeName(file.filename);
        const id = await app.store.transaction((tx) =>
          saveUpload(tx, ctx, unit, { name: fileName, kind: table.kind, data, rows: table.rows.length }),
        );
        return reply.status(201).send({
          importId: String(id),
          fileName,
          rowCount: table.rows.length,
          headers: table.headers,
          suggestedMapping: suggestMapping(table.headers),
          sampleRows: table.rows.slice(0, 5).map((r) => r.cells),
        });
      },
    );

    app.post(
      '/units/:unitKey/member-imports/:importId/commit',
      {
        config: { access: WRITE_IN_UNIT },
        schema: {
          tags,
          summary:
            'Import the good rows with this column mapping (dryRun: check only); bad rows are reported',
          params: ImportParams,
          body: ImportCommit,
          response: withErrors({ 200: ImportResultOut }),
        },
      },
      async (request) => {
        const { unit } = requireUnit(request);
        const ctx = writeContext(app, request);
        const upload = await loadUpload(app.store, request.params.importId, unit);
        const table = await tables.read(Buffer.from(upload.content));
        let defaultPlace: MemberPlace | undefined;
        try {
          defaultPlace = placeOf(app.hierarchy, unit.key);
        } catch {
          defaultPlace = undefined;
        }
        const columns = columnsOf(table.headers, request.body.mapping, defaultPlace === undefined);
        const read = readRows(table, columns, branchFinder(app.hierarchy, unit), defaultPlace, ctx.today);
        const good = read.filter((r): r is Extract<ReadRow, { ok: true }> => r.ok);
        const bad: BadRow[] = read.filter((r): r is Extract<ReadRow, { ok: false }> => !r.ok);
        const dryRun = request.body.dryRun === true;
        const outcome = await app.store.transaction(async (tx) => {
          const known = await knownFingerprints(tx, good);
          const fresh = good.filter((r) => !known.has(r.fingerprint));
          const result = {
            rows: read.length,
            inserted: dryRun ? 0 : fresh.length,
            alreadyImported: good.length - fresh.length,
            failed: bad.length,
          };
          if (!dryRun) {
            await insertRows(tx, ctx, upload.id, fresh);
            await recordOutcome(tx, ctx, upload.id, result, bad);
          }
          return { ...result, wouldInsert: fresh.length };
        });
        return {
          importId: String(upload.id),
          dryRun,
          rows: outcome.rows,
          inserted: dryRun ? outcome.wouldInsert : outcome.inserted,
          alreadyImported: outcome.alreadyImported,
          failed: outcome.failed,
          errors: bad.slice(0, ERRORS_IN_ANSWER).map((b) => ({ row: b.row, problems: b.problems })),
          errorFile:
            dryRun || bad.length === 0
              ? null
              : `/units/${encodeURIComponent(unit.key)}/member-imports/${upload.id}/errors?format=xlsx`,
        };
      },
    );

    app.get(
      '/units/:unitKey/member-imports/:importId/errors',
      {
        config: { access: READ_IN_UNIT },
        schema: {
          tags,
          summary:
            'The rejected rows of the last commit as a file, each with what to correct (re-import it once fixed)',
          params: ImportParams,
          querystring: ImportErrorsQuery,
        },
      },
      async (request, reply) => {
        const { unit } = requireUnit(request);
        const upload = await loadUpload(app.store, request.params.importId, unit);
        const bad = await storedBadRows(app.store, upload.id);
        if (bad === null || bad.length === 0) throw apiError('IMPORT_NO_BAD_ROWS');
        const { headers } = await tables.read(Buffer.from(upload.content));
        const format = request.query.format ?? 'xlsx';
        const rows = bad.map((b) => [
          ...headers.map((_, i) => b.cells[i] ?? ''),
          String(b.row),
          b.problems.map((p) => `${p.field}: ${p.vi}`).join(' | '),
        ]);
        const base = upload.file_name.replace(/\.[^.]*$/, '');
        return reply
          .type(CONTENT_TYPE[format])
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(`${base}-loi.${format}`)}`,
          )
          .send(
            tableStream(
              format,
              'Dòng lỗi',
              [...headers, 'Dòng trong tệp gốc', 'Lỗi cần sửa'],
              (async function* () {
                yield rows;
              })(),
            ),
          );
      },
    );
  });
}
