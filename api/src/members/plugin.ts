/**
 * The member registry plugin: list and search, records, transfers, applications, duplicates and merge,
 * smart cards, import and export, training records.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { applicationRoutes } from './application-routes.js';
import { cardRoutes } from './card-routes.js';
import { duplicateRoutes } from './duplicate-routes.js';
import { exportRoutes } from './export-routes.js';
import { importRoutes } from './import-routes.js';
import { registryRoutes } from './registry-routes.js';
import { trainingRoutes } from './training-routes.js';
import { transferRoutes } from './transfer-routes.js';

/** Registers every member route (each declares its access rule; see `access.ts`). */
export const membersPlugin = fp(
  async (app: FastifyInstance) => {
    registryRoutes(app);
    transferRoutes(app);
    applicationRoutes(app);
    cardRoutes(app);
    duplicateRoutes(app);
    trainingRoutes(app);
    exportRoutes(app);
    await importRoutes(app);
  },
  { name: 'vwu-members', fastify: '5.x', dependencies: ['vwu-access', 'vwu-store'] },
);
