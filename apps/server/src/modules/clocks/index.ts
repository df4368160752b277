import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
export const clockRoutes: FastifyPluginAsyncZod = async () => {};
