import {
  isRegionCodeShape,
  ROLES,
  usernameSchema,
  type OrgType,
  type RegionLevel,
  type Role,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { appendAudit } from '../platform/audit/audit.service';
import { assertPasswordPolicy } from '../platform/auth/auth.service';
import { hashPassword } from '../platform/auth/password';
import { type Ctx } from '../platform/context';
import { type Tx } from '../platform/db/pool';
import { organisations, regions, users } from '../platform/db/schema';
import { AppError } from '../platform/errors';
import { replaceRoles } from '../modules/users';
import { osUser } from './runtime';

// ---------------------------------------------------------------- create-admin

export type CreateAdminInput = {
  username: string;
  password: string;
  role?: Role;
  displayName?: string;
  orgName?: string;
  orgType?: OrgType;
  regionCode?: string;
  regionName?: string;
};

const ADMIN_ROLES_CLI = ['sysadmin', 'secadmin', 'auditadmin'] as const;

function levelOf(code: string): RegionLevel {
  if (code.length > 6) return 'township';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

async function resolveAdminOrg(
  tx: Tx,
  ctx: Ctx,
  input: CreateAdminInput,
): Promise<{ id: string; name: string; regionName: string }> {
  let region = input.regionCode
    ? (
        await tx
          .select()
          .from(regions)
          .where(sql`${regions.code} = ${input.regionCode}`)
      )[0]
    : undefined;
  if (input.regionCode && !region) {
    const any = await tx.execute(sql`select 1 from regions limit 1`);
    if (any.rowCount)
      throw new AppError(
        'INVALID_REGION_CODE',
        `行政区划 ${input.regionCode} 不存在；请在系统中先登记该区划 (region not found)`,
      );
    if (!isRegionCodeShape(input.regionCode)) throw new AppError('INVALID_REGION_CODE');
    if (!input.regionName)
      throw new AppError(
        'VALIDATION_FAILED',
        '新建顶级行政区划需要 --region-name (--region-name is required to create the root region)',
      );
    const row = {
      code: input.regionCode,
      name: input.regionName,
      level: levelOf(input.regionCode),
      parentCode: null,
      path: `${input.regionCode}/`,
    };
    [region] = await tx.insert(regions).values(row).returning();
    await appendAudit(tx, ctx, {
      action: 'region.create',
      entityType: 'region',
      entityId: row.code,
      before: null,
      after: row,
      detail: { source: 'cli', osUser: osUser() },
    });
  }
  if (!region) {
    const roots = await tx
      .select()
      .from(regions)
      .where(sql`${regions.parentCode} is null`);
    if (roots.length !== 1) {
      throw new AppError(
        'VALIDATION_FAILED',
        roots.length
          ? '有多个顶级行政区划，请用 --region-code 指定 (several root regions: pass --region-code)'
          : '数据库中还没有行政区划：请提供 --region-code、--region-name 和 --org-name (empty database: pass --region-code, --region-name and --org-name)',
      );
    }
    region = roots[0];
  }
  if (!region) throw new AppError('INTERNAL');
  if (input.orgName) {
    const [found] = await tx
      .select()
      .from(organisations)
      .where(sql`${organisations.regionCode} = ${region.code} and ${organisations.name} = ${input.orgName}`);
    if (found) return { id: found.id, name: found.name, regionName: region.name };
    const values = {
      name: input.orgName,
      type: input.orgType ?? 'justice_bureau',
      regionCode: region.code,
      regionPath: region.path,
    };
    const [created] = await tx.insert(organisations).values(values).returning();
    if (!created) throw new AppError('INTERNAL');
    await appendAudit(tx, ctx, {
      action: 'org.create',
      entityType: 'organisation',
      entityId: created.id,
      before: null,
      after: created,
      detail: { source: 'cli', osUser: osUser() },
    });
    return { id: created.id, name: created.name, regionName: region.name };
  }
  const [top] = await tx
    .select()
    .from(organisations)
    .where(
      sql`${organisations.regionCode} = ${region.code} and ${organisations.parentId} is null and not ${organisations.disabled}`,
    )
    .orderBy(organisations.createdAt)
    .limit(1);
  if (!top)
    throw new AppError(
      'VALIDATION_FAILED',
      `${region.name}还没有单位，请用 --org-name 指定管理员所属单位 (no unit yet: pass --org-name)`,
    );
  return { id: top.id, name: top.name, regionName: region.name };
}

/**
 * Creates an administrator account — the way into a fresh installation. The CLI runs with direct database
 * access, so it writes the tables itself (as the demo seed does) and audits every row it creates.
 */
export async function createAdmin(
  ctx: Ctx,
  input: CreateAdminInput,
): Promise<{ userId: string; orgName: string; regionName: string; role: Role }> {
  const role = input.role ?? 'sysadmin';
  if (!(ADMIN_ROLES_CLI as readonly string[]).includes(role))
    throw new AppError('VALIDATION_FAILED', `--role 只能是 ${ADMIN_ROLES_CLI.join('|')}`);
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) throw new AppError('VALIDATION_FAILED', username.error.issues[0]?.message);
  await assertPasswordPolicy(ctx, input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const org = await resolveAdminOrg(tx, ctx, input);
    const taken = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username.data})`);
    if (taken.length) throw new AppError('DUPLICATE', `用户名 ${username.data} 已存在 (username taken)`);
    const [user] = await tx
      .insert(users)
      .values({
        username: username.data,
        displayName: input.displayName ?? ROLES[role].zh,
        orgId: org.id,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    if (!user) throw new AppError('INTERNAL');
    await replaceRoles(tx, user.id, [role]);
    await appendAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user.id,
      before: null,
      after: { username: username.data, orgId: org.id, roles: [role], mustChangePassword: true },
      detail: { source: 'cli', osUser: osUser() },
    });
    return { userId: user.id, orgName: org.name, regionName: org.regionName, role };
  });
}
