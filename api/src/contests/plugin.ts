/**
 * The contest plugin (issue 8): definitions, entries and attachments, juries and scoring, stage closing with
 * promotion, results, participation, certificates, public votes. Every write is audited.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { attachmentRoutes } from './attachment-routes.js';
import { certificateRoutes } from './certificate-routes.js';
import { definitionRoutes } from './definition-routes.js';
import { entryRoutes } from './entry-routes.js';
import { juryCloseRoutes } from './jury-close-routes.js';
import { juryRoutes } from './jury-routes.js';
import { stageRoutes } from './stage-routes.js';
import { voteRoutes } from './vote-routes.js';

/** Registers every contest route (each declares its access rule). */
export const contestsPlugin = fp(
  async (app: FastifyInstance) => {
    definitionRoutes(app);
    entryRoutes(app);
    await attachmentRoutes(app);
    juryRoutes(app);
    stageRoutes(app);
    juryCloseRoutes(app);
    certificateRoutes(app);
    voteRoutes(app);
  },
  { name: 'vwu-contests', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);
