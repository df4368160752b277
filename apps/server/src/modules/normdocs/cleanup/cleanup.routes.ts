import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 清理 campaigns, 后评估 and validity (to be built). */
export const cleanupRoutes: FastifyPluginAsyncZod = async () => {};
