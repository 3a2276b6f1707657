/**
 * The analyst's SQL editor is read-only: one statement, starting with SELECT, WITH, EXPLAIN or DESCRIBE,
 * naming no keyword that writes, loads, attaches or changes settings. The text is scanned the way SQL reads
 * it — comments, string literals and quoted identifiers are skipped, so `'DROP'` or `"update"` pass and a
 * `DROP` hidden after a comment or a second statement does not. The worker checks again and runs the
 * statement inside a transaction it rolls back, so even a statement this scan let through changes nothing.
 */

/** Why a statement was refused. */
export type ReadOnlyProblem =
  | { code: 'empty' }
  | { code: 'unterminated' }
  | { code: 'multiple' }
  | { code: 'statement'; word: string }
  | { code: 'keyword'; word: string };

/** Statements the editor runs. */
export const ALLOWED_STATEMENTS = ['SELECT', 'WITH', 'EXPLAIN', 'DESCRIBE'] as const;

/** Words that write, load code or data, or change the session: refused anywhere outside quotes. */
export const FORBIDDEN_WORDS: ReadonlySet<string> = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'CREATE',
  'DROP',
  'ALTER',
  'TRUNCATE',
  'COPY',
  'ATTACH',
  'DETACH',
  'INSTALL',
  'LOAD',
  'SET',
  'RESET',
  'PRAGMA',
  'CALL',
  'EXPORT',
  'IMPORT',
  'VACUUM',
  'CHECKPOINT',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'ABORT',
  'TRANSACTION',
  'USE',
  'GRANT',
  'REVOKE',
  'PREPARE',
  'EXECUTE',
  'DEALLOCATE',
]);

/** A statement the editor refused, with the reason as data (the view words it). */
export class ReadOnlyError extends Error {
  override readonly name = 'ReadOnlyError';

  constructor(readonly problem: ReadOnlyProblem) {
    super(`Only one read-only statement (SELECT, WITH, EXPLAIN, DESCRIBE) may run: ${describe(problem)}`);
  }
}

function describe(problem: ReadOnlyProblem): string {
  switch (problem.code) {
    case 'empty':
      return 'the text holds no statement';
    case 'unterminated':
      return 'a quote or comment is not closed';
    case 'multiple':
      return 'the text holds more than one statement';
    case 'statement':
      return `${problem.word} is not a read-only statement`;
    case 'keyword':
      return `${problem.word} is not allowed`;
  }
}

/** Words (upper-cased) and statement separators of a text, outside comments, strings and quoted names. */
function scan(sql: string): { tokens: string[] } | 'unterminated' {
  const tokens: string[] = [];
  let i = 0;
  const closeAt = (end: string, from: number): number => {
    const at = sql.indexOf(end, from);
    return at === -1 ? -1 : at + end.length;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    let end: number;
    if (c === '-' && next === '-') {
      const line = sql.indexOf('\n', i);
      i = line === -1 ? sql.length : line + 1;
      continue;
    }
    if (c === '/' && next === '*') end = closeAt('*/', i + 2);
    else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote: keep looking past it.
      end = i + 1;
      for (;;) {
        const at = sql.indexOf(c, end);
        if (at === -1) return 'unterminated';
        if (sql[at + 1] === c) end = at + 2;
        else {
          end = at + 1;
          break;
        }
      }
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      end = closeAt(tag, i + tag.length);
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))![0];
      tokens.push(word.toUpperCase());
      i += word.length;
      continue;
    } else {
      if (c === ';') tokens.push(';');
      i += 1;
      continue;
    }
    if (end === -1) return 'unterminated';
    i = end;
  }
  return { tokens };
}

/**
 * Why a text may not run in the read-only editor, or undefined when it may.
 *
 * @example readOnlyProblem('SELECT 1; DROP TABLE meeting_held') // { code: 'multiple' }
 * @example readOnlyProblem("SELECT 'drop' AS word") // undefined
 */
export function readOnlyProblem(sql: string): ReadOnlyProblem | undefined {
  const scanned = scan(sql);
  if (scanned === 'unterminated') return { code: 'unterminated' };
  const { tokens } = scanned;
  const last = tokens.findLastIndex((t) => t !== ';');
  if (last === -1) return { code: 'empty' };
  if (tokens.slice(0, last).includes(';')) return { code: 'multiple' };
  const first = tokens[0]!;
  if (first === ';' || !(ALLOWED_STATEMENTS as readonly string[]).includes(first)) {
    return { code: 'statement', word: first };
  }
  const bad = tokens.find((t) => FORBIDDEN_WORDS.has(t));
  return bad === undefined ? undefined : { code: 'keyword', word: bad };
}

/**
 * Throws unless the text is one read-only statement.
 *
 * @throws ReadOnlyError naming the reason.
 */
export function assertReadOnly(sql: string): void {
  const problem = readOnlyProblem(sql);
  if (problem !== undefined) throw new ReadOnlyError(problem);
}
