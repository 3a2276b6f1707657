// Global setup of the `integration` project: a real single-node Kafka broker (tests/infra/kafka.mjs).
// Stopped at the end only if this run started it, and kept when VWU_KEEP_SERVERS=1.
import type { TestProject } from 'vitest/node';
import { ensureKafka, stopKafka } from '../../infra/kafka.mjs';
import type {} from './context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kafka = await ensureKafka();
  project.provide('kafka', { brokers: kafka.brokers, version: kafka.version, clusterId: kafka.clusterId });
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');
  return async () => {
    if (kafka.startedNow && process.env.VWU_KEEP_SERVERS !== '1') await stopKafka();
  };
}
