import type { Hierarchy } from '@vwu/contracts';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import { accessPlugin } from './access/plugin.js';
import { auditPlugin } from './audit/routes.js';
import { accessTokensPlugin } from './auth/access-tokens.js';
import { analyticsPlugin } from './analytics/routes.js';
import { accountsPlugin } from './auth/routes.js';
import type { ApiConfig } from './config.js';
import { consolePlugin } from './console/routes.js';
import { contestsPlugin } from './contests/plugin.js';
import { consoleRewrite } from './console/rewrite.js';
import { deploymentsPlugin } from './deployments/routes.js';
import { contextPlugin, type Clock } from './context.js';
import { docsPlugin } from './http/docs.js';
import { errorHandlerPlugin, frameworkErrorHandler } from './http/error-handler.js';
import { loggerOptions, newRequestId, requestLogPlugin, type LogSettings } from './http/request-log.js';
import { securityPlugin } from './http/security.js';
import { ingestPlugin } from './ingest/routes.js';
import { kpiPlugin } from './kpi/routes.js';
import { healthPlugin } from './ops/health.js';
import { membersPlugin } from './members/plugin.js';
import { metricsPlugin } from './ops/metrics-plugin.js';
import { openStore } from './store/open.js';
import { storePlugin } from './store/plugin.js';
import type { Store } from './store/store.js';
import { unitsPlugin } from './units/routes.js';

/** What {@link buildApp} needs. */
export interface AppOptions {
  config: ApiConfig;
  /** The unit hierarchy (`loadHierarchy()` from '@vwu/contracts/node'). */
  hierarchy: Hierarchy;
  /** Source of "now" in milliseconds (default `Date.now`). */
  clock?: Clock;
  /**
   * Logging: `false` for none, settings (level and destination) for JSON lines with redaction, or a
   * ready pino-compatible logger. Default: level from the config, to stdout.
   */
  logger?: false | LogSettings | FastifyBaseLogger;
  /** Use this open store instead of opening `config.store`; the app then leaves it open when it closes. */
  store?: Store;
  /** Registers more routes or plugins before the app starts (every route must still declare access). */
  extend?: (app: FastifyInstance) => void | Promise<void>;
}

function isLoggerInstance(logger: AppOptions['logger']): logger is FastifyBaseLogger {
  return typeof logger === 'object' && typeof (logger as Partial<FastifyBaseLogger>).child === 'function';
}

function fastifyOptions(options: AppOptions): FastifyServerOptions & { loggerInstance?: FastifyBaseLogger } {
  const base: FastifyServerOptions = {
    bodyLimit: options.config.bodyLimitBytes,
    genReqId: newRequestId,
    // One line per request comes from the request-log plugin, with the route pattern and no URL.
    logController: new LogController({ disableRequestLogging: true }),
    exposeHeadRoutes: false,
    trustProxy: false,
    return503OnClosing: true,
    frameworkErrors: frameworkErrorHandler(options.config.bodyLimitBytes),
    // The API under /api; with the console served, every other path is the console (console/rewrite.ts).
    rewriteUrl: ((rewrite) => (request: { url?: string }) => rewrite(request.url ?? '/'))(
      consoleRewrite(options.config.console),
    ),
  };
  if (options.logger === false) return { ...base, logger: false };
  if (isLoggerInstance(options.logger)) return { ...base, loggerInstance: options.logger };
  return { ...base, logger: loggerOptions(options.logger ?? { level: options.config.logLevel }) };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

/**
 * Builds the API from its named plugins, migrates the store and waits until every plugin is ready. Does not
 * listen: call `app.listen()` (see server.ts) or use `app.inject()` in tests.
 *
 * @throws the first start-up error (bad migration, a route without an access rule…), after closing the store.
 * @example const app = await buildApp({ config: parseConfig(process.env), hierarchy: loadHierarchy() });
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const store = options.store ?? (await openStore(options.config.store));
  const closeStore = once(options.store === undefined ? () => store.close() : async () => undefined);
  const app = Fastify(fastifyOptions(options));
  try {
    app.setValidatorCompiler(TypeBoxValidatorCompiler);
    app.addHook('onClose', closeStore);
    await app.register(contextPlugin, {
      config: options.config,
      clock: options.clock ?? Date.now,
      hierarchy: options.hierarchy,
    });
    await app.register(errorHandlerPlugin);
    await app.register(requestLogPlugin);
    await app.register(storePlugin, { store });
    await app.register(securityPlugin);
    await app.register(accessTokensPlugin);
    await app.register(accessPlugin);
    await app.register(docsPlugin);
    await app.register(metricsPlugin);
    await app.register(healthPlugin);
    await app.register(accountsPlugin);
    await app.register(unitsPlugin);
    await app.register(membersPlugin);
    await app.register(deploymentsPlugin);
    await app.register(consolePlugin);
    await app.register(analyticsPlugin);
    await app.register(kpiPlugin);
    await app.register(ingestPlugin);
    await app.register(contestsPlugin);
    await app.register(auditPlugin);
    if (options.extend !== undefined) await app.register(async (child) => options.extend?.(child));
    await app.ready();
    return app;
  } catch (error) {
    // The start-up error is the one to report; a failure while closing the half-built app adds nothing.
    await app.close().catch(() => undefined);
    await closeStore();
    throw error;
  }
}
