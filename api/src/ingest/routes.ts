import { createProducer, type EventProducer } from '@vwu/pipeline';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { requireAccess } from '../access/plugin.js';
import type { AccessRule, Role } from '../access/rules.js';
import type { IngestConfig } from '../config.js';
import { apiError } from '../errors.js';
import { withErrors } from '../http/schemas.js';
import { screenEvents, type RefusedEvent } from './screen.js';

/**
 * Who records activity through the API: commune officers and province leaders for units of their subtree,
 * contest organisers for contest events. Other systems publish to Kafka directly.
 */
export const INGEST_ROLES: readonly Role[] = ['commune_officer', 'province_leader', 'contest_organiser'];

const INGESTERS: AccessRule = { roles: INGEST_ROLES, unit: 'none' };

const Issue = Type.Object({ path: Type.String(), message: Type.String() });
const Rejected = Type.Object(
  {
    index: Type.Integer({ description: 'Position of the event in the request' }),
    event_id: Type.Union([Type.String(), Type.Null()]),
    reason: Type.String(),
    issues: Type.Array(Issue),
  },
  { title: 'RejectedEvent' },
);
const IngestOut = Type.Object(
  {
    accepted: Type.Integer({ description: 'Events handed to the pipeline (durable when this answer comes)' }),
    rejected: Type.Array(Rejected),
  },
  { title: 'IngestResult' },
);

declare module 'fastify' {
  interface FastifyInstance {
    /** Where `POST /events` hands valid events: Kafka or the embedded log. */
    eventProducer: EventProducer;
  }
}

function producerFor(target: IngestConfig['target']): EventProducer {
  return target.type === 'kafka'
    ? createProducer({ type: 'kafka', brokers: target.brokers, topic: target.topic, clientId: 'vwu-api' })
    : createProducer({ type: 'embedded', dir: target.dir });
}

/**
 * `POST /events`: a JSON array of activity events, each checked on its own (contract, unit, scope); the
 * valid ones are handed to the pipeline's producer (Kafka when `KAFKA_BROKERS` is set, else the embedded
 * log) and acknowledged once durable; the others come back by index with their reasons. Limited in events
 * per request, body size and requests per minute per client address.
 */
export const ingestPlugin = fp(
  async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
    const settings = app.config.ingest;
    const producer = producerFor(settings.target);
    app.decorate('eventProducer', producer);
    app.addHook('onClose', async () => producer.close());
    const counted = app.metrics.registry.counter(
      'ingest_events_total',
      'Events received by POST /events, by outcome (accepted, rejected).',
    );

    app.post(
      '/events',
      {
        bodyLimit: settings.bodyLimitBytes,
        config: { access: INGESTERS, rateLimit: { max: settings.ratePerMinute, timeWindow: 60_000 } },
        schema: {
          tags: ['events'],
          summary: 'Record activity events (a batch; each event accepted or rejected on its own)',
          body: Type.Array(Type.Unknown(), { description: 'Activity events (@vwu/contracts)' }),
          response: withErrors({ 200: IngestOut }),
        },
      },
      async (request) => {
        const { scope } = requireAccess(request);
        const events = request.body;
        if (events.length > settings.maxEvents)
          throw apiError('INGEST_BATCH_TOO_LARGE', { max: settings.maxEvents, count: events.length });
        const screened = screenEvents(events, app.hierarchy, scope);
        const rejected: RefusedEvent[] = [...screened.refused];
        if (screened.accepted.length > 0) {
          let result;
          try {
            result = await producer.send(screened.accepted);
          } catch (error) {
            request.log.error({ err: { message: (error as Error).message } }, 'event producer failed');
            throw apiError('INGEST_UNAVAILABLE');
          }
          for (const r of result.rejected)
            rejected.push({ ...r, index: screened.positions[r.index] ?? r.index });
        }
        rejected.sort((a, b) => a.index - b.index);
        const accepted = events.length - rejected.length;
        counted.inc({ outcome: 'accepted' }, accepted);
        counted.inc({ outcome: 'rejected' }, rejected.length);
        return { accepted, rejected };
      },
    );
  },
  {
    name: 'vwu-ingest',
    fastify: '5.x',
    dependencies: ['vwu-access', 'vwu-metrics', 'vwu-security'],
  },
);
