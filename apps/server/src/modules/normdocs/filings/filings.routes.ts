import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 备案 (submitting side) and 备案审查 (receiving side) (to be built). */
export const filingRoutes: FastifyPluginAsyncZod = async () => {};
