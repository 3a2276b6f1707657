// Every call of the members API this module makes, in one place. Paths follow the API's route list
// (api/src/members/schemas.ts): all under the unit they concern, so the API checks the scope first.
import { api, type ApiClient } from '@vwu/context';
import type {
  Application,
  ApplicationApproveIn,
  ApplicationCreateIn,
  CardCheck,
  DuplicateSet,
  ImportFieldName,
  ImportPreview,
  ImportResult,
  IssuedCard,
  MemberCreateIn,
  MemberExportQueryIn,
  MemberFull,
  MemberListPage,
  MemberListQueryIn,
  MemberUpdateIn,
  MergeIn,
  MergeResult,
  TrainingCreateIn,
  TrainingList,
  TrainingRecord,
  TrainingTopicName,
  Transfer,
  TransferStatusName,
} from './wire.js';

type Signal = { signal?: AbortSignal };
/** A file the API answered (bytes and the name it gave). */
export type DownloadedFile = Awaited<ReturnType<ApiClient['download']>>;

const unit = (key: string) => `/units/${encodeURIComponent(key)}`;
const member = (unitKey: string, id: string) => `${unit(unitKey)}/members/${encodeURIComponent(id)}`;

/** Query values as the client sends them (booleans and numbers as text). */
function query(values: object): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [name, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== '') out[name] = value as string | number | boolean;
  return out;
}

/** One page of members of a unit's subtree (filters, search `q`, sort; `cursor` from the previous page). */
export function listMembers(unitKey: string, params: MemberListQueryIn, options: Signal = {}) {
  return api.get<MemberListPage>(`${unit(unitKey)}/members`, { query: query(params), ...options });
}

/** One member with history, card and trainings. */
export function getMember(unitKey: string, id: string, options: Signal = {}) {
  return api.get<MemberFull>(member(unitKey, id), options);
}

/** Registers a member on a branch (or commune). */
export function createMember(unitKey: string, body: MemberCreateIn) {
  return api.post<MemberFull>(`${unit(unitKey)}/members`, body);
}

/** Edits a member (send the `version` that was read; a stale one answers a conflict). */
export function updateMember(unitKey: string, id: string, body: MemberUpdateIn) {
  return api.request<MemberFull>('PATCH', member(unitKey, id), { body });
}

/** Proposes a transfer to another unit. */
export function proposeTransfer(unitKey: string, id: string, toUnitKey: string, reason?: string) {
  return api.post<Transfer>(`${member(unitKey, id)}/transfers`, { toUnitKey, ...(reason ? { reason } : {}) });
}

/** Transfers into (`incoming`) or out of a unit. */
export function listTransfers(
  unitKey: string,
  direction: 'incoming' | 'outgoing',
  status?: TransferStatusName,
  options: Signal = {},
) {
  return api.get<{ items: Transfer[] }>(`${unit(unitKey)}/transfers`, {
    query: query({ direction, status }),
    ...options,
  });
}

/** Decides a transfer: the receiving unit accepts or rejects (with a reason), the sender cancels. */
export function decideTransfer(
  unitKey: string,
  transferId: string,
  decision: 'accept' | 'reject' | 'cancel',
  reason?: string,
) {
  const path = `${unit(unitKey)}/transfers/${encodeURIComponent(transferId)}/${decision}`;
  return api.post<Transfer>(path, decision === 'reject' ? { reason } : {});
}

/** Membership applications of a unit. */
export function listApplications(unitKey: string, status?: Application['status'], options: Signal = {}) {
  return api.get<{ items: Application[] }>(`${unit(unitKey)}/applications`, {
    query: query({ status }),
    ...options,
  });
}

/** Records an application. */
export function createApplication(unitKey: string, body: ApplicationCreateIn) {
  return api.post<Application>(`${unit(unitKey)}/applications`, body);
}

/** Approves an application into a branch (the member is created) or rejects it with a reason. */
export function decideApplication(
  unitKey: string,
  applicationId: string,
  decision: { approve: ApplicationApproveIn } | { reject: string },
) {
  const base = `${unit(unitKey)}/applications/${encodeURIComponent(applicationId)}`;
  return 'approve' in decision
    ? api.post<Application>(`${base}/approve`, decision.approve)
    : api.post<Application>(`${base}/reject`, { reason: decision.reject });
}

/** Groups of likely duplicates in a unit's subtree. */
export function listDuplicates(unitKey: string, options: Signal = {}) {
  return api.get<{ groups: DuplicateSet[] }>(`${unit(unitKey)}/members/duplicates`, options);
}

/** What a merge would keep (`preview`), or the merge itself. */
export function mergeMembers(unitKey: string, body: MergeIn, preview: boolean) {
  return api.post<MergeResult>(`${unit(unitKey)}/members/${preview ? 'merge-preview' : 'merge'}`, body);
}

/** Issues (or re-issues) a member's smart card: the answer carries the QR payload, shown once. */
export function issueCard(unitKey: string, id: string) {
  return api.post<IssuedCard>(`${member(unitKey, id)}/card`, {});
}

/** Revokes a member's active card. */
export function revokeCard(unitKey: string, id: string, reason?: string) {
  return api.post<unknown>(`${member(unitKey, id)}/card/revoke`, reason ? { reason } : {});
}

/** Checks a card token: valid, revoked or unknown, without personal data. */
export function verifyCard(token: string, options: Signal = {}) {
  return api.get<CardCheck>('/cards/verify', { query: { token }, auth: false, ...options });
}

/** Uploads an XLSX or CSV file: the API reads it and answers a preview with a suggested column mapping. */
export function uploadImport(unitKey: string, file: File) {
  const form = new FormData();
  form.set('file', file, file.name);
  return api.post<ImportPreview>(`${unit(unitKey)}/member-imports`, form);
}

/** Imports the good rows with a column mapping (`dryRun`: only checks them). */
export function commitImport(
  unitKey: string,
  importId: string,
  mapping: Record<string, ImportFieldName>,
  dryRun: boolean,
) {
  return api.post<ImportResult>(`${unit(unitKey)}/member-imports/${encodeURIComponent(importId)}/commit`, {
    mapping,
    dryRun,
  });
}

/** The rejected rows of an import as a file, each with its problems. */
export function downloadImportErrors(
  unitKey: string,
  importId: string,
  format: 'xlsx' | 'csv',
): Promise<DownloadedFile> {
  return api.download(`${unit(unitKey)}/member-imports/${encodeURIComponent(importId)}/errors`, {
    query: { format },
  });
}

/** The filtered member list as a file. */
export function downloadExport(unitKey: string, params: MemberExportQueryIn): Promise<DownloadedFile> {
  return api.download(`${unit(unitKey)}/members/export`, { query: query(params) });
}

/** Training records in a unit's subtree, with totals for the training targets. */
export function listTrainings(
  unitKey: string,
  filters: { topic?: TrainingTopicName; year?: number },
  options: Signal = {},
) {
  return api.get<TrainingList>(`${unit(unitKey)}/trainings`, { query: query(filters), ...options });
}

/** Adds a training record to a member. */
export function addTraining(unitKey: string, id: string, body: TrainingCreateIn) {
  return api.post<TrainingRecord>(`${member(unitKey, id)}/trainings`, body);
}

/** Removes a training record. */
export function removeTraining(unitKey: string, id: string, trainingId: string) {
  return api.request<undefined>(
    'DELETE',
    `${member(unitKey, id)}/trainings/${encodeURIComponent(trainingId)}`,
  );
}
