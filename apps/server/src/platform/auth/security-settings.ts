import type { SecuritySettings } from '@fazhi/contracts';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/pool';
import { settings } from '../db/schema';

/** Defaults per GB/T 22239-2019 8.1.4.1 (登录失败处理、连接超时自动退出) — all editable by the 安全管理员. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordMaxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
};

const KEY = 'security';
let cache: { value: SecuritySettings; at: number } | null = null;

export async function getSecuritySettings(db: DbOrTx, fresh = false): Promise<SecuritySettings> {
  if (!fresh && cache && Date.now() - cache.at < 5000) return cache.value;
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  const value = { ...DEFAULT_SECURITY_SETTINGS, ...((row?.value as Partial<SecuritySettings>) ?? {}) };
  cache = { value, at: Date.now() };
  return value;
}

export async function saveSecuritySettings(db: DbOrTx, value: SecuritySettings): Promise<void> {
  await db
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
  cache = null;
}
