import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the reports module (to be built). */
export const reportsRoutes: FastifyPluginAsyncZod = async () => {};
