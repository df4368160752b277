import {
  auditPageSchema,
  auditQuerySchema,
  auditVerifySchema,
  changePasswordSchema,
  loginSchema,
  meSchema,
  notificationPageSchema,
  okSchema,
  securitySettingsSchema,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission, requireTopLevel } from './access/policy';
import { appendAudit, auditStandalone } from './audit/audit.service';
import { auditRowsForExport, listAudit } from './audit/audit.query';
import { verifyAuditChain } from './audit/audit-verify';
import { changePassword, login, logout, toMe } from './auth/auth.service';
import { getSecuritySettings, saveSecuritySettings } from './auth/security-settings';
import { lookupSession, SESSION_COOKIE } from './auth/sessions';
import { APP_VERSION } from './config';
import { AppError } from './errors';
import { paged, sendXlsx } from './excel/export';
import { listNotifications, markRead } from './notify/notify.service';

const OUTCOMES = { ok: '成功', denied: '拒绝', failed: '失败' } as const;

export const platformRoutes: FastifyPluginAsyncZod<{ loginRateMax: number }> = async (app, opts) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        response: { 200: z.object({ status: z.literal('ok'), db: z.literal('ok'), version: z.string() }) },
      },
    },
    async (req) => {
      await req.ctx.db.execute(sql`select 1`);
      return { status: 'ok' as const, db: 'ok' as const, version: APP_VERSION };
    },
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: opts.loginRateMax, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: loginSchema, response: { 200: meSchema } },
    },
    async (req, reply) => {
      const { token } = await login(req.ctx, req.body, req.headers['user-agent'] ?? null);
      const found = await lookupSession(req.ctx.db, token);
      if (!found || !('actor' in found)) throw new AppError('INTERNAL');
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.ctx.config.cookieSecure,
      });
      return toMe(found.actor);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { access: 'session', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], response: { 200: okSchema } },
    },
    async (req, reply) => {
      await logout(req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'session', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], response: { 200: meSchema } },
    },
    async (req) => toMe(req.ctx.actor as NonNullable<typeof req.ctx.actor>),
  );

  app.post(
    '/auth/change-password',
    {
      config: { access: 'session', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], body: changePasswordSchema, response: { 200: meSchema } },
    },
    async (req) => {
      await changePassword(req.ctx, req.body);
      const actor = req.ctx.actor as NonNullable<typeof req.ctx.actor>;
      return toMe({ ...actor, mustChangePassword: false });
    },
  );

  app.get(
    '/security/settings',
    {
      config: { access: 'security.settings' },
      schema: { tags: ['security'], response: { 200: securitySettingsSchema } },
    },
    async (req) => getSecuritySettings(req.ctx.db, true),
  );
  app.put(
    '/security/settings',
    {
      config: { access: 'security.settings' },
      schema: {
        tags: ['security'],
        body: securitySettingsSchema.strict(),
        response: { 200: securitySettingsSchema },
      },
    },
    async (req) => {
      requireTopLevel(req.ctx.actor as NonNullable<typeof req.ctx.actor>);
      const before = await getSecuritySettings(req.ctx.db, true);
      await req.ctx.db.transaction(async (tx) => {
        await saveSecuritySettings(tx, req.body);
        await appendAudit(tx, req.ctx, {
          action: 'security.settings.update',
          entityType: 'settings',
          entityId: 'security',
          before,
          after: req.body,
        });
      });
      return getSecuritySettings(req.ctx.db, true);
    },
  );

  app.get(
    '/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], querystring: auditQuerySchema, response: { 200: auditPageSchema } },
    },
    async (req) => listAudit(req.ctx, req.query),
  );
  app.get(
    '/audit/export.xlsx',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], querystring: auditQuerySchema } },
    async (req, reply) => {
      const fetch = auditRowsForExport(req.ctx, req.query);
      await auditStandalone(req.ctx, {
        action: 'audit.export',
        entityType: 'audit_log',
        detail: { filters: req.query },
      });
      return sendXlsx(
        reply,
        `审计日志-${new Date().toISOString().slice(0, 10)}.xlsx`,
        '审计日志',
        [
          { header: '序号', width: 8, value: (r) => r.seq },
          { header: '时间', width: 22, value: (r) => r.at.toISOString() },
          { header: '操作人', width: 20, value: (r) => r.actorName },
          { header: '操作', width: 22, value: (r) => r.action },
          { header: '对象类型', value: (r) => r.entityType },
          { header: '对象编号', width: 38, value: (r) => r.entityId },
          {
            header: '结果',
            width: 8,
            value: (r) => OUTCOMES[r.outcome as keyof typeof OUTCOMES] ?? r.outcome,
          },
          { header: '变更内容', width: 60, value: (r) => (r.diff == null ? '' : JSON.stringify(r.diff)) },
          { header: 'IP', width: 16, value: (r) => r.ip },
          { header: '请求编号', width: 38, value: (r) => r.requestId },
          { header: '哈希', width: 66, value: (r) => r.hash },
        ],
        paged(fetch),
      );
    },
  );
  app.post(
    '/audit/verify',
    { config: { access: 'audit.verify' }, schema: { tags: ['audit'], response: { 200: auditVerifySchema } } },
    async (req) => {
      requirePermission(req.ctx.actor, 'audit.verify');
      const result = await verifyAuditChain(req.ctx.db);
      await auditStandalone(req.ctx, {
        action: 'audit.verify',
        entityType: 'audit_log',
        detail: result,
        outcome: result.ok ? 'ok' : 'failed',
      });
      return result;
    },
  );

  app.get(
    '/notifications',
    {
      config: { access: 'notification.own' },
      schema: {
        tags: ['notifications'],
        querystring: z.object({
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
          unreadOnly: z.stringbool().default(false),
        }),
        response: { 200: notificationPageSchema },
      },
    },
    async (req) => listNotifications(req.ctx, req.query),
  );
  app.post(
    '/notifications/:id/read',
    {
      config: { access: 'notification.own' },
      schema: { tags: ['notifications'], params: z.object({ id: z.uuid() }), response: { 200: okSchema } },
    },
    async (req) => {
      await markRead(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/notifications/read-all',
    {
      config: { access: 'notification.own' },
      schema: { tags: ['notifications'], response: { 200: okSchema } },
    },
    async (req) => {
      await markRead(req.ctx, null);
      return { ok: true as const };
    },
  );
};
