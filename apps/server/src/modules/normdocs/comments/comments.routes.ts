import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 征求意见: staff handling and the public portal's comment pages (to be built). */
export const commentRoutes: FastifyPluginAsyncZod = async () => {};
