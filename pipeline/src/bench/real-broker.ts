/**
 * The benchmark and the crash proof refuse to run on librdkafka's mock cluster: they must measure and break
 * a real broker. A real Kafka answers `DescribeCluster` with a cluster id and `DescribeConfigs` with its own
 * `log.dirs`; the mock answers neither.
 */
import type { Kafka } from 'kafkajs';

/** Config resource type of a broker in the Kafka protocol (`DescribeConfigs`). */
const BROKER_RESOURCE = 4;

/**
 * Resolves when `kafka` reaches a real broker; rejects with a message that says why otherwise.
 *
 * @example await requireRealBroker(kafka); // before producing a million events
 */
export async function requireRealBroker(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    const broker = cluster.brokers[0];
    if (!cluster.clusterId || broker === undefined) throw new Error('no cluster id');
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: BROKER_RESOURCE, name: String(broker.nodeId), configNames: ['log.dirs'] }],
    });
    const logDirs = configs.resources[0]?.configEntries.find((e) => e.configName === 'log.dirs');
    if (!logDirs?.configValue) throw new Error('no log.dirs');
  } catch (error) {
    throw new Error(
      `this runs only against a real Kafka broker, not a mock (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    await admin.disconnect();
  }
}
