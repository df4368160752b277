import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's supervision area (to be built). */
export const supervisionRoutes: FastifyPluginAsyncZod = async () => {};
