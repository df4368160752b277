import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's officers area (to be built). */
export const officersRoutes: FastifyPluginAsyncZod = async () => {};
