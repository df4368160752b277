import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's delegation area (to be built). */
export const delegationRoutes: FastifyPluginAsyncZod = async () => {};
