import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the enforcement module's figures area (to be built). */
export const figuresRoutes: FastifyPluginAsyncZod = async () => {};
