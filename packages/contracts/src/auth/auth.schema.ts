import { z } from 'zod';
import { roleSchema } from '../users/user.schema';

export const loginSchema = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const meSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  roles: z.array(roleSchema),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const securitySettingsSchema = z.object({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(3).max(4),
  passwordMaxAgeDays: z.number().int().min(0).max(3650),
  lockoutThreshold: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(1440),
  sessionIdleMinutes: z.number().int().min(5).max(480),
  sessionAbsoluteHours: z.number().int().min(1).max(72),
});
export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

/**
 * Password policy: ≥ minLength characters from ≥ minClasses of upper, lower, digit, symbol
 * (GB/T 22239-2019 8.1.4.1 a: 身份鉴别信息具有复杂度要求并定期更换).
 */
export function passwordMeetsPolicy(pw: string, minLength = 8, minClasses = 3): boolean {
  if (pw.length < minLength) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  return classes >= minClasses;
}
