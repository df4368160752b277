import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's lenient area (to be built). */
export const lenientRoutes: FastifyPluginAsyncZod = async () => {};
