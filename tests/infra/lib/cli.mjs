// The command-line face of a server script: `node tests/infra/<server>.mjs <command>`.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Whether the module at `moduleUrl` is the script node was asked to run (not an import).
 * @param {string} moduleUrl `import.meta.url` of the caller
 * @returns {boolean}
 */
export function isMain(moduleUrl) {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * Runs the command named by the first argument, prints its result as JSON, and sets the exit code
 * (1 on error, 2 on an unknown command, 3 when `status` reports a server that is not running).
 * @param {string} script name shown in the usage line, e.g. `kafka.mjs`
 * @param {Record<string, () => Promise<unknown>>} commands
 */
export async function runCli(script, commands) {
  const name = process.argv[2] ?? '';
  const command = commands[name];
  if (command === undefined) {
    console.error(`usage: node tests/infra/${script} ${Object.keys(commands).join('|')}`);
    process.exitCode = 2;
    return;
  }
  try {
    const result = await command();
    console.log(JSON.stringify(result, null, 2));
    if (name === 'status' && isStopped(result)) process.exitCode = 3;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

/**
 * @param {unknown} result
 * @returns {boolean}
 */
function isStopped(result) {
  return typeof result === 'object' && result !== null && 'state' in result && result.state !== 'running';
}
