import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './platform/config';
import { APP_VERSION } from './platform/config';
import type { FieldCrypto } from './platform/crypto/field-crypto';
import type { Db } from './platform/db/pool';
import { registerErrorHandler } from './platform/http/error-handler';
import { responseSerializerCompiler } from './platform/http/serializer';
import { registerRequestContext } from './platform/http/request-context';
import { platformRoutes } from './platform/routes';
import { orgRoutes } from './modules/org';
import { userRoutes } from './modules/users';
import { calendarRoutes } from './modules/calendar';
import { clockRoutes } from './modules/clocks';
import { normdocRoutes } from './modules/normdocs';
import { indicatorsRoutes } from './modules/indicators';
import { reportImportRoutes } from './modules/indicators/report-import';
import { dashboardRoutes } from './modules/indicators/dashboard';
import { collectionRoutes } from './modules/collection';
import { reportsRoutes } from './modules/reports';
import { enforcementRoutes } from './modules/enforcement';
import { importRoutes } from './imports';
import { errorMessages } from '@fazhi/contracts';

export type AppDeps = {
  db: Db;
  config: Config;
  crypto: FieldCrypto;
  webDist?: string | null;
  logger?: boolean;
};

export const BODY_LIMIT = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.logger === false
        ? false
        : { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Responses: zod-checked in tests, written by fast-json-stringify compiled from the zod schema otherwise.
  app.setSerializerCompiler(responseSerializerCompiler(deps.config.validateResponses));
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Fazhi 法治 API', version: APP_VERSION, description: '法治政府建设工作平台接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fazhi_sid' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandler(app);
  registerRequestContext(app, deps.db, deps.config, deps.crypto);

  await app.register(platformRoutes, { prefix: '/api', loginRateMax: deps.config.loginRateMax });
  await app.register(orgRoutes, { prefix: '/api' });
  await app.register(userRoutes, { prefix: '/api' });
  await app.register(calendarRoutes, { prefix: '/api' });
  await app.register(clockRoutes, { prefix: '/api' });
  await app.register(normdocRoutes, { prefix: '/api' });
  await app.register(indicatorsRoutes, { prefix: '/api' });
  await app.register(reportImportRoutes, { prefix: '/api' });
  await app.register(dashboardRoutes, { prefix: '/api' });
  await app.register(collectionRoutes, { prefix: '/api' });
  await app.register(reportsRoutes, { prefix: '/api' });
  await app.register(enforcementRoutes, { prefix: '/api' });
  await app.register(importRoutes, { prefix: '/api' });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDist = deps.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !webDist || req.method !== 'GET') {
      return reply
        .status(404)
        .send({ code: 'ROUTE_NOT_FOUND', message: errorMessages.ROUTE_NOT_FOUND.zh, requestId: req.id });
    }
    // The web app routes on the client: every other GET is its index.html.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
