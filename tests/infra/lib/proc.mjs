// Process helpers shared by the server scripts: run a command, start a detached server with a pid file,
// tell whether that pid is still our server, stop it (SIGTERM, then SIGKILL), wait for readiness.
import { execFile, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs a command to completion and returns its output; rejects with the output in the message on failure.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, timeoutMs?: number }} [options]
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 0,
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error) {
          const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
          reject(new Error(`${cmd} ${args.join(' ')} failed (${error.code ?? error.signal}):\n${output}`));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
  });
}

/**
 * Starts a long-running server detached from this process (own session, output appended to a log file)
 * and records its pid. The caller's exit does not stop it.
 * @param {{ cmd: string, args: string[], cwd: string, logFile: string, pidFile: string, env?: NodeJS.ProcessEnv }} spec
 * @returns {number} the server's pid
 */
export function spawnDetached(spec) {
  const out = openSync(spec.logFile, 'a');
  try {
    const child = spawn(spec.cmd, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    if (child.pid === undefined) throw new Error(`could not start ${spec.cmd}`);
    child.unref();
    writeFileSync(spec.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(out);
  }
}

/**
 * The pid recorded in a pid file, if any.
 * @param {string} pidFile
 * @returns {number | undefined}
 */
export function readPid(pidFile) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Whether `pid` is a live (non-zombie) process whose command line contains `marker`; guards against a
 * recycled pid after a reboot or a crash.
 * @param {number | undefined} pid
 * @param {string} marker
 * @returns {boolean}
 */
export function isOurProcess(pid, marker) {
  if (pid === undefined) return false;
  const state = processState(pid);
  if (state === undefined || state === 'Z' || state === 'X') return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').includes(marker);
  } catch {
    return false;
  }
}

/**
 * Waits while `pid` is a zombie: a killed process stays one until PID 1 reaps it, which on this machine
 * takes seconds, and meanwhile `kill(pid, 0)` still succeeds (PostgreSQL then refuses to start, taking the
 * zombie for a running postmaster).
 * @param {number} pid
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<boolean>} false when it is still a zombie after the timeout
 */
export async function waitForZombie(pid, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (processState(pid) === 'Z') {
    if (Date.now() > deadline) return false;
    await sleep(200);
  }
  return true;
}

/**
 * The one-letter state of a process from /proc (`R`, `S`, `Z`, …), or undefined when there is none.
 * @param {number} pid
 * @returns {string | undefined}
 */
export function processState(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

/**
 * Stops a process: SIGTERM, wait up to `graceMs`, then SIGKILL and wait for it to be gone.
 * @param {number} pid
 * @param {{ graceMs?: number, marker: string }} options `marker` as for {@link isOurProcess}
 * @returns {Promise<'stopped' | 'killed' | 'not-running'>}
 */
export async function terminate(pid, { graceMs = 30_000, marker }) {
  if (!isOurProcess(pid, marker)) return 'not-running';
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isOurProcess(pid, marker)) return 'stopped';
    await sleep(100);
  }
  process.kill(pid, 'SIGKILL');
  while (isOurProcess(pid, marker)) await sleep(50);
  return 'killed';
}

/**
 * Deletes a pid file if present.
 * @param {string} pidFile
 */
export function removePidFile(pidFile) {
  rmSync(pidFile, { force: true });
}

/**
 * Whether something accepts TCP connections at host:port.
 * @param {number} port
 * @param {string} [host]
 * @returns {Promise<boolean>}
 */
export function isPortOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    const done = (/** @type {boolean} */ open) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/**
 * The last lines of a text file (empty string when it does not exist).
 * @param {string} file
 * @param {number} [lines]
 * @returns {string}
 */
export function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Polls `probe` until it resolves to a value other than `undefined`, or throws after `timeoutMs`
 * with the message `describeFailure()` returns (plus the probe's last error).
 * @template T
 * @param {() => Promise<T | undefined>} probe
 * @param {{ timeoutMs: number, intervalMs?: number, describeFailure: (lastError: unknown) => string, abort?: () => string | undefined }} options
 *   `abort` may return a reason to give up early (e.g. the server process died).
 * @returns {Promise<T>}
 */
export async function waitFor(probe, { timeoutMs, intervalMs = 500, describeFailure, abort }) {
  const deadline = Date.now() + timeoutMs;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    const reason = abort?.();
    if (reason !== undefined) throw new Error(`${reason}\n${describeFailure(lastError)}`);
    if (Date.now() > deadline) throw new Error(describeFailure(lastError));
    await sleep(intervalMs);
  }
}
