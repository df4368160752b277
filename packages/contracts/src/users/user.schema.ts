import { z } from 'zod';
import { listResponse } from '../common/schemas';
import { isValidIdNumber, isValidMobile } from '../common/validators';
import { roleNames, type Role } from '../access/roles';

export const roleSchema = z.enum(roleNames as [Role, ...Role[]]);
export const idNumberSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine((s) => isValidIdNumber(s), { message: '居民身份证号码无效（18位，出生日期和校验位须正确）' });
export const mobileSchema = z.string().trim().refine(isValidMobile, { message: '手机号码应为11位，以1开头' });

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgId: z.uuid(),
  orgName: z.string(),
  roles: z.array(roleSchema),
  /** Masked (410***********1234) unless the caller may read sensitive values. */
  idNumber: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  position: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type User = z.infer<typeof userSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3, '用户名至少3个字符')
  .max(32, '用户名不超过32个字符')
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, { message: '用户名须以字母开头，只含字母、数字、下划线、点或连字符' });

export const userCreateSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1, '姓名不能为空').max(30),
  orgId: z.uuid({ message: '请选择所属单位' }),
  idNumber: idNumberSchema.nullable().default(null),
  mobile: mobileSchema.nullable().default(null),
  email: z.email({ message: '电子邮箱格式不正确' }).nullable().default(null),
  position: z.string().trim().max(30).nullable().default(null),
  /** Initial password; must satisfy the policy and is changed at first login. */
  password: z.string().min(1).max(128),
});
export type UserCreate = z.infer<typeof userCreateSchema>;

export const userUpdateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(30).optional(),
  orgId: z.uuid().optional(),
  idNumber: idNumberSchema.nullable().optional(),
  mobile: mobileSchema.nullable().optional(),
  email: z.email().nullable().optional(),
  position: z.string().trim().max(30).nullable().optional(),
  disabled: z.boolean().optional(),
  version: z.number().int(),
});
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userRolesSchema = z.strictObject({
  roles: z.array(roleSchema).max(8),
  version: z.number().int(),
});
export const passwordResetSchema = z.strictObject({ password: z.string().min(1).max(128) });

export const userListQuerySchema = z.object({
  q: z.string().max(60).optional(),
  orgId: z.uuid().optional(),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const userPageSchema = listResponse(userSchema);

/** GET /api/users/:id/sensitive — the unmasked values, for roles allowed to read them (audited). */
export const userSensitiveSchema = z.object({
  idNumber: z.string().nullable(),
  mobile: z.string().nullable(),
});
