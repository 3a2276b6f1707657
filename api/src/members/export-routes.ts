/**
 * Export of the members within a unit (same filters as the list) as XLSX or CSV, streamed page by page. The
 * column headers are the ones the import recognises, so an exported file can be corrected and imported back.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requireUnit } from '../access/plugin.js';
import { READ_IN_UNIT } from './access.js';
import { listMembers } from './member-page.js';
import { unitName, type MemberRow } from './member-rows.js';
import { MemberExportQuery, UnitOnlyParams } from './schemas.js';
import { CONTENT_TYPE, tableStream } from './table-file.js';
import { audit, vietnamToday, writeContext } from './write-context.js';

const PAGE = 2_000;

const HEADERS = [
  'Mã hội viên',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Tôn giáo',
  'Số điện thoại',
  'Địa chỉ',
  'Trình độ',
  'Chi hội',
  'Tên đơn vị',
  'Ngày vào Hội',
  'Vai trò',
  'Hội viên danh dự',
  'Thẻ hội viên',
  'Tập huấn',
  'Trạng thái',
];

const ROLE_VI = { member: 'hội viên', branch_head: 'chi hội trưởng', cadre: 'cán bộ' } as const;
const CARD_VI = { none: 'chưa cấp', active: 'đang dùng', revoked: 'đã thu hồi' } as const;
const STATUS_VI = { active: 'đang sinh hoạt', left: 'đã ra khỏi Hội', merged: 'đã gộp hồ sơ' } as const;

/** yyyy-mm-dd → dd/mm/yyyy. */
function vnDate(iso: string | null): string {
  return iso === null ? '' : `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Registers the export route. */
export function exportRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const cells = (m: MemberRow): string[] => [
    m.member_key,
    m.full_name,
    vnDate(m.date_of_birth),
    m.gender === 'male' ? 'Nam' : 'Nữ',
    m.ethnicity,
    m.religion ?? '',
    m.phone ?? '',
    m.address ?? '',
    m.education ?? '',
    m.unit_key,
    unitName(app.hierarchy, m.unit_key),
    vnDate(m.joined_on),
    m.roles.map((r) => ROLE_VI[r]).join(', '),
    m.honorary ? 'có' : 'không',
    CARD_VI[m.card_status],
    m.trained ? 'có' : 'không',
    STATUS_VI[m.status],
  ];

  app.get(
    '/units/:unitKey/members/export',
    {
      config: { access: READ_IN_UNIT },
      schema: {
        tags: ['members'],
        summary: 'The filtered member list as XLSX or CSV (streamed; headers the import recognises)',
        params: UnitOnlyParams,
        querystring: MemberExportQuery,
      },
    },
    async (request, reply) => {
      const { unit } = requireUnit(request);
      const { format, ...filters } = request.query;
      const today = vietnamToday(app.clock());
      const ctx = writeContext(app, request);
      // Fail before streaming when the unit cannot hold members (a clear 400 instead of a broken file).
      const first = await listMembers(app.store, unit, { ...filters, limit: PAGE }, today);
      await app.store.transaction((tx) =>
        audit(tx, ctx, 'member.export', 'org_unit', unit.key, null, {
          format,
          filters: Object.keys(filters),
        }),
      );
      const pages = async function* () {
        let page = first;
        yield page.rows.map(cells);
        while (page.nextCursor !== null) {
          page = await listMembers(
            app.store,
            unit,
            { ...filters, limit: PAGE, cursor: page.nextCursor },
            today,
          );
          yield page.rows.map(cells);
        }
      };
      const name = `hoi-vien-${unit.code}-${today}.${format}`;
      return reply
        .type(CONTENT_TYPE[format])
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(tableStream(format, 'Hội viên', HEADERS, pages()));
    },
  );
}
