import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's inspections area (to be built). */
export const inspectionsRoutes: FastifyPluginAsyncZod = async () => {};
