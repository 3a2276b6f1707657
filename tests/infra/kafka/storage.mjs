// The broker's KRaft storage: formatted once with a new cluster id (`kafka.tools.StorageTool format`, the
// main class in Kafka 4.x; org.apache.kafka.metadata.storage.Formatter is the library behind it).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../lib/proc.mjs';

/**
 * Formats `dataDir` for a static one-voter quorum unless it already holds meta.properties.
 * @param {{ dataDir: string, classpath: string, serverConfig: string, jvmLogging: string[] }} spec
 * @returns {Promise<boolean>} true when it formatted now
 */
export async function formatStorageOnce({ dataDir, classpath, serverConfig, jvmLogging }) {
  if (existsSync(path.join(dataDir, 'meta.properties'))) return false;
  const tool = [...jvmLogging, '-cp', classpath, 'kafka.tools.StorageTool', 'format'];
  await run('java', [...tool, '--config', serverConfig, '--cluster-id', newClusterId()]);
  return true;
}

/**
 * The cluster id written at format time, if formatted.
 * @param {string} dataDir
 * @returns {string | undefined}
 */
export function readClusterId(dataDir) {
  const file = path.join(dataDir, 'meta.properties');
  if (!existsSync(file)) return undefined;
  return /^cluster\.id=(.+)$/m.exec(readFileSync(file, 'utf8'))?.[1]?.trim();
}

/** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
function newClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
