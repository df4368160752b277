import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rolesHave } from '@fazhi/contracts';
import { auditStandalone } from '../audit/audit.service';
import { lookupSession, SESSION_COOKIE } from '../auth/sessions';
import type { Config } from '../config';
import type { Ctx } from '../context';
import type { Db } from '../db/pool';
import type { FieldCrypto } from '../crypto/field-crypto';
import { AppError } from '../errors';
import type { RouteAccess } from '../access/route-access';

export type DeclaredRoute = { method: string; url: string; access: RouteAccess };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access — walked by the access-matrix test. */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyRequest {
    ctx: Ctx;
    sessionExpired: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session into `req.ctx`, then enforces the route's declared access (deny by default),
 * the pending password change, and CSRF on every state-changing request. Routes do not hand-roll checks.
 */
export function registerRequestContext(
  app: FastifyInstance,
  db: Db,
  config: Config,
  crypto: FieldCrypto,
): void {
  app.decorateRequest('ctx', null as unknown as Ctx);
  app.decorateRequest('sessionExpired', false);

  const declared: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declared);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    if (!route.config?.access) {
      throw new Error(
        `Route ${route.method} ${url} declares no access policy (config.access); refusing to start.`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') declared.push({ method, url, access: route.config.access });
    }
  });

  app.addHook('onRequest', async (req) => {
    req.ctx = { db, config, crypto, actor: null, requestId: req.id, ip: req.ip, now: () => new Date() };
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await lookupSession(db, token);
    if (found && 'actor' in found) req.ctx.actor = found.actor;
    else if (found) req.sessionExpired = true;
  });

  // preValidation: who asks is settled before what was sent, so an anonymous caller gets 401, not a 400.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    const access = req.routeOptions.config?.access;
    // Unmatched URLs fall through to the not-found handler (ROUTE_NOT_FOUND), which reveals nothing.
    if (!req.routeOptions.url || !req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (!access) throw new AppError('FORBIDDEN');
    if (access === 'public') return;
    const actor = req.ctx.actor;
    if (!actor) throw new AppError(req.sessionExpired ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
    if (STATE_CHANGING.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      throw new AppError('CSRF_INVALID');
    }
    if (actor.mustChangePassword && !req.routeOptions.config?.allowPendingPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (access !== 'session' && !rolesHave(actor.roles, access)) {
      await auditStandalone(req.ctx, {
        action: 'access.denied',
        entityType: 'route',
        entityId: `${req.method} ${req.routeOptions.url}`,
        outcome: 'denied',
        detail: { permission: access },
      });
      throw new AppError('FORBIDDEN', undefined, { permission: access });
    }
  });
}
