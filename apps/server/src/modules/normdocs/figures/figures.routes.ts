import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The module's figures (DOMAIN.md §1.6) with drill-down (to be built). */
export const figureRoutes: FastifyPluginAsyncZod = async () => {};
