import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's bodies area (to be built). */
export const bodiesRoutes: FastifyPluginAsyncZod = async () => {};
