import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Staff full-text search and the public 现行有效目录 (to be built). */
export const catalogueRoutes: FastifyPluginAsyncZod = async () => {};
