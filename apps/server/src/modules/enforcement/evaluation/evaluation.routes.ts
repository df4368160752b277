import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's evaluation area (to be built). */
export const evaluationRoutes: FastifyPluginAsyncZod = async () => {};
