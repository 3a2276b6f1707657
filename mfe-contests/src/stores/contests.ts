// The module's one store: the contest list, the open contest and its entries, juries, the signed-in judge's
// sheets, results and participation. Every call goes through the console's API client; an error is kept as
// its localized message so the view shows it in the interface language.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { ApiError, api, selectedUnit, type LoadState, type Localized } from '@vwu/context';
import type {
  Assignment,
  Ballot,
  Contest,
  Definition,
  Entry,
  Judge,
  EntryPatch,
  NewEntry,
  Participation,
  Results,
} from '../types.js';

const FALLBACK: Localized = {
  vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  en: 'The server could not be reached. Check the network and try again.',
};

/** The message of a failed call, in both languages. */
export function problemOf(error: unknown): Localized {
  return error instanceof ApiError ? error.messages : FALLBACK;
}

/** The contests store (its own Pinia, created at each mount). */
export const useContests = defineStore('contests', () => {
  const state = ref<LoadState>('idle');
  const contests = shallowRef<Contest[]>([]);
  const current = shallowRef<Contest | null>(null);
  const entries = shallowRef<Entry[]>([]);
  const judges = shallowRef<Judge[]>([]);
  const judging = shallowRef<Assignment[]>([]);
  const results = shallowRef<Results | null>(null);
  const participation = shallowRef<Participation | null>(null);
  const ballot = shallowRef<Ballot | null>(null);
  const problem = shallowRef<Localized | null>(null);
  const notice = shallowRef<Localized | null>(null);

  /** Runs a call, keeping its error (and returning undefined) instead of throwing. */
  async function attempt<T>(call: () => Promise<T>, done?: Localized): Promise<T | undefined> {
    problem.value = null;
    notice.value = null;
    try {
      const value = await call();
      if (done !== undefined) notice.value = done;
      return value;
    } catch (error) {
      problem.value = problemOf(error);
      return undefined;
    }
  }

  async function loadList(): Promise<void> {
    state.value = 'loading';
    // The contests that involve the unit selected in the top bar (the API defaults to the caller's scope).
    const unit = selectedUnit.get()?.key;
    const query = unit === undefined ? undefined : { unit };
    const answer = await attempt(() => api.get<{ contests: Contest[] }>('/contests', { query }));
    contests.value = answer?.contests ?? [];
    state.value = answer === undefined ? 'error' : 'done';
  }

  const base = () => `/contests/${current.value?.id ?? 0}`;

  async function refresh(): Promise<void> {
    if (current.value === null) return;
    const id = current.value.id;
    const [contest, list, seats] = await Promise.all([
      api.get<Contest>(`/contests/${id}`),
      api.get<{ entries: Entry[] }>(`/contests/${id}/entries`),
      api.get<{ judges: Judge[] }>(`/contests/${id}/judges`),
    ]);
    current.value = contest;
    entries.value = list.entries;
    judges.value = seats.judges;
    judging.value = contest.can.judge
      ? (await api.get<{ assignments: Assignment[] }>(`/contests/${id}/judging`)).assignments
      : [];
    results.value = await api.get<Results>(`/contests/${id}/results`);
    participation.value = await api.get<Participation>(`/contests/${id}/participation`);
  }

  async function open(id: number): Promise<void> {
    state.value = 'loading';
    const ok = await attempt(async () => {
      current.value = await api.get<Contest>(`/contests/${id}`);
      await refresh();
      return true;
    });
    state.value = ok === true ? 'done' : 'error';
  }

  function close(): void {
    current.value = null;
    ballot.value = null;
    problem.value = null;
    notice.value = null;
    void loadList();
  }

  async function create(ownerUnit: string, definition: Definition): Promise<boolean> {
    const created = await attempt(() => api.post<Contest>('/contests', { ownerUnit, definition }), {
      vi: 'Đã tạo hội thi.',
      en: 'The contest was created.',
    });
    if (created === undefined) return false;
    await open(created.id);
    notice.value = { vi: 'Đã tạo hội thi.', en: 'The contest was created.' };
    return true;
  }

  async function submitEntry(entry: NewEntry, files: File[]): Promise<boolean> {
    const done = await attempt(
      async () => {
        const created = await api.post<Entry>(`${base()}/entries`, entry);
        for (const file of files) {
          const form = new FormData();
          form.append('file', file, file.name);
          await api.post(`${base()}/entries/${created.id}/attachments`, form);
        }
        await refresh();
        return true;
      },
      { vi: 'Đã nộp bài dự thi.', en: 'The entry was submitted.' },
    );
    return done === true;
  }

  async function updateEntry(entryId: number, patch: EntryPatch, files: File[]): Promise<boolean> {
    const done = await attempt(
      async () => {
        await api.request('PATCH', `${base()}/entries/${entryId}`, { body: patch });
        for (const file of files) {
          const form = new FormData();
          form.append('file', file, file.name);
          await api.post(`${base()}/entries/${entryId}/attachments`, form);
        }
        await refresh();
        return true;
      },
      { vi: 'Đã lưu thay đổi của bài dự thi.', en: 'The entry was updated.' },
    );
    return done === true;
  }

  async function attachment(id: number): Promise<{ blob: Blob; fileName: string } | undefined> {
    return attempt(async () => {
      const file = await api.download(`${base()}/attachments/${id}`);
      return { blob: file.blob, fileName: file.fileName ?? `tep-${id}` };
    });
  }

  // The ballot and the vote are public (a member votes from a link, without a console account).
  async function loadBallot(contestId: number): Promise<void> {
    const answer = await attempt(() => api.get<Ballot>(`/contests/${contestId}/ballot`, { auth: false }));
    ballot.value = answer ?? null;
  }

  async function vote(
    contestId: number,
    entryId: number,
    memberKey: string,
    phone: string,
  ): Promise<boolean> {
    const done = await attempt(
      async () => {
        await api.post(`/contests/${contestId}/votes`, { entryId, memberKey, phone }, { auth: false });
        return true;
      },
      { vi: 'Đã ghi nhận bình chọn của hội viên.', en: 'The member’s vote was recorded.' },
    );
    return done === true;
  }

  async function assignJudge(stageIndex: number, juryUnit: string, username: string): Promise<boolean> {
    const done = await attempt(
      async () => {
        await api.post(`${base()}/judges`, { stageIndex, juryUnit, username });
        await refresh();
        return true;
      },
      { vi: 'Đã phân công giám khảo.', en: 'The judge was seated.' },
    );
    return done === true;
  }

  async function score(
    entryId: number,
    stageIndex: number,
    scores: { criterion: string; value: number; comment: string }[],
  ): Promise<boolean> {
    const done = await attempt(
      async () => {
        const answer = await api.request<{ assignments: Assignment[] }>(
          'PUT',
          `${base()}/entries/${entryId}/scores`,
          {
            body: { stageIndex, scores },
          },
        );
        judging.value = answer.assignments;
        return true;
      },
      { vi: 'Đã lưu điểm.', en: 'The scores were saved.' },
    );
    return done === true;
  }

  async function correct(
    entryId: number,
    body: { stageIndex: number; judgeId: number; criterion: string; value: number; reason: string },
  ): Promise<boolean> {
    const done = await attempt(
      async () => {
        await api.post(`${base()}/entries/${entryId}/corrections`, body);
        await refresh();
        return true;
      },
      { vi: 'Đã điều chỉnh điểm (có ghi nhật ký).', en: 'The score was corrected (logged).' },
    );
    return done === true;
  }

  async function closeStage(stageIndex: number): Promise<boolean> {
    const done = await attempt(
      async () => {
        await api.post(`${base()}/stages/${stageIndex}/close`);
        await refresh();
        return true;
      },
      {
        vi: 'Đã kết thúc vòng thi và chuyển bài lên vòng sau.',
        en: 'The stage was closed and entries moved on.',
      },
    );
    return done === true;
  }

  async function closeJury(stageIndex: number, jury: { key: string; name: string }): Promise<boolean> {
    const done = await attempt(
      async () => {
        await api.post(`${base()}/stages/${stageIndex}/juries/${jury.key}/close`);
        await refresh();
        return true;
      },
      {
        vi: `Đã kết thúc chấm của ban giám khảo ${jury.name}: kết quả được công bố, bài cao nhất được chuyển lên vòng sau.`,
        en: `The jury of ${jury.name} has closed: its ranking is announced and its best entries move on.`,
      },
    );
    return done === true;
  }

  async function certificate(entryId: number): Promise<{ blob: Blob; fileName: string } | undefined> {
    return attempt(async () => {
      const file = await api.download(`${base()}/entries/${entryId}/certificate`);
      return { blob: file.blob, fileName: file.fileName ?? `giay-chung-nhan-${entryId}.pdf` };
    });
  }

  return {
    state,
    contests,
    current,
    entries,
    judges,
    judging,
    results,
    participation,
    ballot,
    problem,
    notice,
    loadList,
    open,
    close,
    create,
    submitEntry,
    updateEntry,
    attachment,
    loadBallot,
    vote,
    assignJudge,
    score,
    correct,
    closeStage,
    closeJury,
    certificate,
  };
});
