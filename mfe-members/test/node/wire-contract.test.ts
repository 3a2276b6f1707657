// The module's test answers are checked against the API's own TypeBox schemas: a fake that drifts from
// what the API really sends fails here, not in a browser.
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { MemberDetail, MemberListOut } from '../../../api/src/members/schemas.js';
import { ImportPreviewOut, ImportResultOut, TransferOut } from '../../../api/src/members/workflow-schemas.js';
import { importPreview, importResult, memberDetail, page, transfer } from '../members-fixtures.js';

describe('test answers match the members API schemas', () => {
  it.each([
    { name: 'a list page with total', schema: MemberListOut, value: page(0, 3, 10, true) },
    { name: 'the last list page', schema: MemberListOut, value: page(8, 3, 10, false) },
    { name: 'a member profile', schema: MemberDetail, value: memberDetail() },
    { name: 'a transfer', schema: TransferOut, value: transfer() },
    { name: 'an import preview', schema: ImportPreviewOut, value: importPreview() },
    { name: 'a dry-run result', schema: ImportResultOut, value: importResult(true) },
    { name: 'a re-import result', schema: ImportResultOut, value: importResult(false, 9) },
  ])('$name', ({ schema, value }) => {
    expect([...Value.Errors(schema, value)].map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
  });
});
