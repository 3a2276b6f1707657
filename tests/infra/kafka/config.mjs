// The files a single-node KRaft broker needs: server.properties (combined broker + controller on 127.0.0.1,
// settings for tests) and a Log4j2 configuration writing to .cache/kafka/logs.

/**
 * @typedef {object} BrokerLayout
 * @property {number} port         client listener (PLAINTEXT) on 127.0.0.1
 * @property {number} controllerPort KRaft controller listener on 127.0.0.1
 * @property {string} dataDir      `log.dirs`: topic partitions and the cluster metadata log
 * @property {string} logsDir      where Log4j2 writes server.log
 */

/**
 * server.properties for one process that is both broker and controller (node 1, a static quorum of one
 * voter, so a change of port between runs needs no reformat).
 * @param {BrokerLayout} layout
 * @returns {string}
 */
export function serverProperties({ port, controllerPort, dataDir }) {
  const settings = {
    'process.roles': 'broker,controller',
    'node.id': '1',
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': dataDir,
    // Tests create their topics explicitly; a typo must fail, not create a topic.
    'auto.create.topics.enable': 'false',
    'num.partitions': '3',
    'default.replication.factor': '1',
    'min.insync.replicas': '1',
    'offsets.topic.replication.factor': '1',
    // Fewer internal partitions than the default 50: the first consumer group comes up faster.
    'offsets.topic.num.partitions': '10',
    'transaction.state.log.replication.factor': '1',
    'transaction.state.log.min.isr': '1',
    'transaction.state.log.num.partitions': '10',
    'share.coordinator.state.topic.replication.factor': '1',
    'share.coordinator.state.topic.min.isr': '1',
    // No 3 s wait before the first rebalance of a new group.
    'group.initial.rebalance.delay.ms': '0',
    'delete.topic.enable': 'true',
    'num.network.threads': '2',
    'num.io.threads': '4',
    'log.retention.hours': '24',
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `# Written by tests/infra/kafka.mjs on every start; edit that script, not this file.\n${lines.join('\n')}\n`;
}

/**
 * Log4j2 configuration: INFO and above to logs/server.log (rolled at 20 MB, 3 kept); request and
 * state-change chatter only from WARN.
 * @param {BrokerLayout} layout
 * @returns {string}
 */
export function log4j2Xml({ logsDir }) {
  const dir = escapeXml(logsDir);
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by tests/infra/kafka.mjs on every start. -->
<Configuration status="WARN" shutdownHook="disable">
  <Appenders>
    <RollingFile name="server" fileName="${dir}/server.log" filePattern="${dir}/server.log.%i">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
      <Policies><SizeBasedTriggeringPolicy size="20 MB"/></Policies>
      <DefaultRolloverStrategy max="3"/>
    </RollingFile>
  </Appenders>
  <Loggers>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Root level="INFO"><AppenderRef ref="server"/></Root>
  </Loggers>
</Configuration>
`;
}

/**
 * @param {string} value
 * @returns {string}
 */
function escapeProperty(value) {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

/**
 * @param {string} value
 * @returns {string}
 */
function escapeXml(value) {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
