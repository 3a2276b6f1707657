// A real single-node Apache Kafka broker (KRaft, broker + controller in one JVM) for the integration tests,
// fetched from Maven Central (tests/infra/kafka/pom.xml) and run on 127.0.0.1 with state under .cache/kafka.
//   node tests/infra/kafka.mjs ensure|start|stop|restart|reset|status|install
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMain, runCli } from './lib/cli.mjs';
import { withLock } from './lib/lock.mjs';
import { cacheDir, portFromEnv } from './lib/paths.mjs';
import {
  isOurProcess,
  isPortOpen,
  readPid,
  removePidFile,
  spawnDetached,
  tail,
  terminate,
  waitFor,
} from './lib/proc.mjs';
import { log4j2Xml, serverProperties } from './kafka/config.mjs';
import { installKafka, isKafkaInstalled, kafkaLibDir, kafkaVersion } from './kafka/install.mjs';
import { brokerAnswers } from './kafka/probe.mjs';
import { formatStorageOnce, readClusterId } from './kafka/storage.mjs';

export { installKafka };

/**
 * @typedef {'not-installed' | 'stopped' | 'starting' | 'running'} KafkaState
 * @typedef {object} KafkaInfo
 * @property {KafkaState} state
 * @property {string[]} brokers      bootstrap addresses for a client, e.g. `['127.0.0.1:9092']`
 * @property {number} port
 * @property {number} controllerPort
 * @property {string} version        Kafka version of the jars
 * @property {string | undefined} clusterId
 * @property {number | undefined} pid
 * @property {boolean} startedNow    true when this call started the broker (a globalSetup stops only those)
 * @property {string} logFile
 */

const readyTimeoutMs = 90_000;
const stopGraceMs = 30_000;

/** Paths and ports, computed on each call so that env changes (KAFKA_PORT) are seen. */
function layout() {
  const home = cacheDir('kafka');
  const port = portFromEnv('KAFKA_PORT', 9092);
  return {
    home,
    libDir: kafkaLibDir(),
    configDir: cacheDir('kafka', 'config'),
    dataDir: path.join(home, 'data'),
    logsDir: cacheDir('kafka', 'logs'),
    pidFile: path.join(home, 'kafka.pid'),
    port,
    controllerPort: portFromEnv('KAFKA_CONTROLLER_PORT', port + 1),
  };
}

/**
 * Installs if needed, formats the storage on first use, starts the broker if it is not running and waits
 * until a client can list topics. Fast when the broker already runs.
 * @returns {Promise<KafkaInfo>}
 * @example const { brokers } = await ensureKafka(); new Kafka({ brokers });
 */
export async function ensureKafka() {
  await installKafka();
  return withLock('kafka', () => startUnlocked());
}

/** Same as {@link ensureKafka}. @returns {Promise<KafkaInfo>} */
export const startKafka = ensureKafka;

/**
 * Stops the broker (SIGTERM for a controlled shutdown, SIGKILL after 30 s). Data is kept.
 * @returns {Promise<KafkaInfo>}
 */
export async function stopKafka() {
  return withLock('kafka', () => stopUnlocked());
}

/**
 * Stops and starts the broker, keeping its data (committed offsets, topics): for broker-restart tests.
 * @returns {Promise<KafkaInfo>}
 */
export async function restartKafka() {
  await installKafka();
  return withLock('kafka', async () => {
    await stopUnlocked();
    return startUnlocked();
  });
}

/**
 * Stops the broker and deletes its data (topics, offsets, cluster id); starts a fresh one unless
 * `start: false`.
 * @param {{ start?: boolean }} [options]
 * @returns {Promise<KafkaInfo>}
 */
export async function resetKafka({ start = true } = {}) {
  await installKafka();
  return withLock('kafka', async () => {
    const stopped = await stopUnlocked();
    rmSync(layout().dataDir, { recursive: true, force: true });
    return start ? startUnlocked() : { ...stopped, clusterId: undefined };
  });
}

/**
 * Whether the broker is installed, running and answering clients.
 * @returns {Promise<KafkaInfo>}
 */
export async function kafkaStatus() {
  const l = layout();
  const pid = readPid(l.pidFile);
  const alive = isOurProcess(pid, markerOf(l));
  /** @type {KafkaState} */
  let state = 'stopped';
  if (!isKafkaInstalled()) state = 'not-installed';
  else if (alive) state = (await brokerAnswers(runningPort(l))) ? 'running' : 'starting';
  return info(alive ? { ...l, port: runningPort(l) } : l, state, alive ? pid : undefined, false);
}

/**
 * @param {ReturnType<typeof layout>} l
 * @param {KafkaState} state
 * @param {number | undefined} pid
 * @param {boolean} startedNow
 * @returns {KafkaInfo}
 */
function info(l, state, pid, startedNow) {
  return {
    state,
    brokers: [`127.0.0.1:${l.port}`],
    port: l.port,
    controllerPort: l.controllerPort,
    version: kafkaVersion(),
    clusterId: readClusterId(l.dataDir),
    pid,
    startedNow,
    logFile: path.join(l.logsDir, 'server.log'),
  };
}

/** @returns {Promise<KafkaInfo>} */
async function startUnlocked() {
  const l = layout();
  const marker = markerOf(l);
  const running = readPid(l.pidFile);
  if (running !== undefined && isOurProcess(running, marker)) {
    const port = runningPort(l);
    if (port !== l.port) {
      throw new Error(
        `kafka: the broker (pid ${running}) already runs on port ${port}, not ${l.port}; ` +
          'stop it first: node tests/infra/kafka.mjs stop',
      );
    }
    await waitReady(l, running);
    return info(l, 'running', running, false);
  }
  removePidFile(l.pidFile);
  for (const port of [l.port, l.controllerPort]) {
    if (await isPortOpen(port)) {
      throw new Error(
        `kafka: port ${port} on 127.0.0.1 is taken by another process; set KAFKA_PORT / KAFKA_CONTROLLER_PORT`,
      );
    }
  }
  const serverConfig = path.join(l.configDir, 'server.properties');
  const log4jConfig = path.join(l.configDir, 'log4j2.xml');
  writeFileSync(serverConfig, serverProperties(l));
  writeFileSync(log4jConfig, log4j2Xml(l));
  const jvmLogging = [`-Dlog4j2.configurationFile=${log4jConfig}`, `-Dkafka.logs.dir=${l.logsDir}`];
  const classpath = path.join(l.libDir, '*');
  await formatStorageOnce({ dataDir: l.dataDir, classpath, serverConfig, jvmLogging });
  const jvm = `${process.env.KAFKA_HEAP_OPTS || '-Xms256m -Xmx1g'} ${process.env.KAFKA_JVM_OPTS ?? ''}`;
  const jvmOptions = jvm.split(/\s+/).filter(Boolean);
  const pid = spawnDetached({
    cmd: 'java',
    args: [
      ...jvmOptions,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-Djava.awt.headless=true',
      `-Djava.io.tmpdir=${cacheDir('kafka', 'tmp')}`,
      ...jvmLogging,
      '-cp',
      classpath,
      'kafka.Kafka',
      serverConfig,
    ],
    cwd: l.home,
    logFile: path.join(l.logsDir, 'stdout.log'),
    pidFile: l.pidFile,
  });
  try {
    await waitReady(l, pid);
  } catch (error) {
    await terminate(pid, { marker, graceMs: 5_000 });
    removePidFile(l.pidFile);
    throw error;
  }
  return info(l, 'running', pid, true);
}

/** @returns {Promise<KafkaInfo>} */
async function stopUnlocked() {
  const l = layout();
  const pid = readPid(l.pidFile);
  if (pid !== undefined) await terminate(pid, { marker: markerOf(l), graceMs: stopGraceMs });
  removePidFile(l.pidFile);
  return info(l, isKafkaInstalled() ? 'stopped' : 'not-installed', undefined, false);
}

/**
 * @param {ReturnType<typeof layout>} l
 * @param {number} pid
 */
async function waitReady(l, pid) {
  await waitFor(async () => ((await brokerAnswers(l.port)) ? true : undefined), {
    timeoutMs: readyTimeoutMs,
    abort: () =>
      isOurProcess(pid, markerOf(l)) ? undefined : `kafka: the broker (pid ${pid}) exited during start-up`,
    describeFailure: (lastError) =>
      [
        `kafka: no answer from 127.0.0.1:${l.port} (waited up to ${readyTimeoutMs / 1000} s)` +
          (lastError instanceof Error ? ` (last error: ${lastError.message})` : ''),
        `--- ${path.join(l.logsDir, 'server.log')} (last lines) ---`,
        tail(path.join(l.logsDir, 'server.log'), 30),
        `--- ${path.join(l.logsDir, 'stdout.log')} (last lines) ---`,
        tail(path.join(l.logsDir, 'stdout.log'), 15),
      ].join('\n'),
  });
}

/**
 * The client port of the running broker, from the server.properties it was started with.
 * @param {ReturnType<typeof layout>} l
 * @returns {number}
 */
function runningPort(l) {
  const config = readFileSync(markerOf(l), 'utf8');
  return Number(/^advertised\.listeners=PLAINTEXT:\/\/[^:]+:(\d+)$/m.exec(config)?.[1]);
}

/**
 * What identifies our broker's command line (its config path).
 * @param {ReturnType<typeof layout>} l
 */
function markerOf(l) {
  return path.join(l.configDir, 'server.properties');
}

if (isMain(import.meta.url)) {
  await runCli('kafka.mjs', {
    install: installKafka,
    ensure: ensureKafka,
    start: startKafka,
    stop: stopKafka,
    restart: restartKafka,
    reset: () => resetKafka(),
    status: kafkaStatus,
  });
}
