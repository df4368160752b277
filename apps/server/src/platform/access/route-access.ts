import type { Permission } from '@fazhi/contracts';

/**
 * Every /api route declares who may call it in `config.access`; the server refuses to start with a
 * route that does not (registerAccessGuard), and the access-matrix test walks them all.
 *  - 'public': no session (login, health, public portal)
 *  - 'session': any signed-in user (me, logout, own notifications, password change)
 *  - a permission name: the caller's roles must grant it (the service still checks data scope)
 */
export type RouteAccess = 'public' | 'session' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Allowed while the user still has to change the password (first login / expiry). */
    allowPendingPasswordChange?: boolean;
  }
}
