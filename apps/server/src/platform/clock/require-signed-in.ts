import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/**
 * A `preValidation` hook for route plugins whose every route needs a session: "who asks" is answered before
 * "what was sent", so an anonymous caller gets 401 rather than a 400 about a missing query parameter
 * (Fastify validates the schema before the platform's preHandler access check runs).
 */
export async function requireSignedIn(req: FastifyRequest): Promise<void> {
  if (!req.ctx.actor) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
}
