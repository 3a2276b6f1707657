// Readiness of the broker as a client sees it: kafkajs connects, lists topics and reaches the group
// coordinator.
import kafkajs from 'kafkajs';
import { isPortOpen } from '../lib/proc.mjs';

/**
 * True when a kafkajs admin client connects to 127.0.0.1:`port`, lists topics and describes a group.
 * Never throws; each attempt gives up after a few seconds.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export async function brokerAnswers(port) {
  if (!(await isPortOpen(port))) return false;
  const admin = new kafkajs.Kafka({
    clientId: 'vwu-infra-probe',
    brokers: [`127.0.0.1:${port}`],
    connectionTimeout: 2_000,
    requestTimeout: 5_000,
    retry: { retries: 0 },
    logLevel: kafkajs.logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    // The group coordinator answers too (after a restart it first reloads __consumer_offsets; on a new
    // broker this creates that topic, which the first consumer group would do anyway).
    await admin.describeGroups(['vwu-infra-probe']);
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
