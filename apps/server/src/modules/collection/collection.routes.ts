import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of the collection module (to be built). */
export const collectionRoutes: FastifyPluginAsyncZod = async () => {};
