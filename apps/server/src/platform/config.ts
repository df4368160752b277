import path from 'node:path';
import { z } from 'zod';

const bool = z
  .string()
  .optional()
  .transform((v) =>
    v === undefined ? undefined : !['0', 'false', 'no', 'off', ''].includes(v.toLowerCase()),
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().optional(),
  FAZHI_DEMO: bool,
  FAZHI_ADMIN_PASSWORD: z.string().optional(),
  /** 32-byte key (hex or base64) for field encryption; generated into DATA_DIR when unset. */
  FAZHI_SECRET_KEY: z.string().optional(),
  FAZHI_COOKIE_SECURE: bool,
  FAZHI_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FAZHI_LOGIN_RATE_MAX: z.coerce.number().int().min(1).default(20),
  FAZHI_JOBS: bool,
  /** Check every response against its zod schema (tests do; see platform/http/serializer.ts). */
  FAZHI_VALIDATE_RESPONSES: bool,
  NODE_ENV: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  adminPassword: string | undefined;
  secretKey: string | undefined;
  cookieSecure: boolean;
  logLevel: z.infer<typeof envSchema>['FAZHI_LOG_LEVEL'];
  loginRateMax: number;
  jobs: boolean;
  /** zod-validate responses before writing them (default: only under NODE_ENV=test). */
  validateResponses: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`配置错误 (invalid configuration): ${issues}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    demo: e.FAZHI_DEMO ?? true,
    adminPassword: e.FAZHI_ADMIN_PASSWORD,
    secretKey: e.FAZHI_SECRET_KEY,
    cookieSecure: e.FAZHI_COOKIE_SECURE ?? false,
    logLevel: e.FAZHI_LOG_LEVEL,
    loginRateMax: e.FAZHI_LOGIN_RATE_MAX,
    jobs: e.FAZHI_JOBS ?? true,
    validateResponses: e.FAZHI_VALIDATE_RESPONSES ?? e.NODE_ENV === 'test',
  };
}

export const APP_VERSION = '0.1.0';
