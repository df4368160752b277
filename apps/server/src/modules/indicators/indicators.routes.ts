import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the indicators module (to be built). */
export const indicatorsRoutes: FastifyPluginAsyncZod = async () => {};
