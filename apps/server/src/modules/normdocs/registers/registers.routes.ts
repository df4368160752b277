import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 发文目录 import, sampling and 认定未备案 (to be built). */
export const registerRoutes: FastifyPluginAsyncZod = async () => {};
