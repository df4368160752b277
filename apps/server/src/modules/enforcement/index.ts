// What other modules may use from the enforcement-supervision module (行政执法监督).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bodiesRoutes } from './bodies/bodies.routes';
import { delegationRoutes } from './delegation/delegation.routes';
import { evaluationRoutes } from './evaluation/evaluation.routes';
import { figuresRoutes } from './figures/figures.routes';
// Registers the enforcement figures with the indicators module (computed indicators).
import './figures/figures.indicators';
import { inspectionsRoutes } from './inspections/inspections.routes';
import { lenientRoutes } from './lenient/lenient.routes';
import { officersRoutes } from './officers/officers.routes';
import { supervisionRoutes } from './supervision/supervision.routes';

/** Every route of the module, each area in its own plugin. */
export const enforcementRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(bodiesRoutes);
  await app.register(officersRoutes);
  await app.register(inspectionsRoutes);
  await app.register(lenientRoutes);
  await app.register(evaluationRoutes);
  await app.register(supervisionRoutes);
  await app.register(delegationRoutes);
  await app.register(figuresRoutes);
};
