import { passwordMeetsPolicy, usernameSchema, type Org, type UserCreate } from '@fazhi/contracts';
import { z } from 'zod';
import { requirePermission } from '../platform/access/policy';
import { getSecuritySettings } from '../platform/auth/security-settings';
import { hashPassword } from '../platform/auth/password';
import {
  emailCell,
  idNumberCell,
  mobileCell,
  textCell,
  type ImportKind,
  type PreparedRow,
  type SourceRow,
} from '../platform/excel/import';
import { listOrgs } from '../modules/org';
import { createUserTx } from '../modules/users';
import { OrgIndex, str } from './org-index';

// ---------------------------------------------------------------- 用户 (users)

type UserImportRow = { input: UserCreate; passwordHash: string | null };

/**
 * argon2 runs on libuv's thread pool (4 threads by default). Two hashes at a time leave the other threads
 * to sign-ins and file I/O while a large import is being prepared (~30–60 ms a hash per core).
 */
async function hashAll(rows: PreparedRow<UserImportRow>[], concurrency = 2): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const r = rows[next++] as PreparedRow<UserImportRow>;
      r.value.passwordHash = await hashPassword(r.value.input.password);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export const userImportKind: ImportKind<UserImportRow> = {
  name: 'users',
  title: '用户',
  sheetName: '用户',
  permission: 'user.import',
  instructions: [
    '导入的账户首次登录时必须修改初始密码；角色由安全管理员另行分配。',
    '所属单位须在您的管辖范围内且未停用；重名单位请填写其统一社会信用代码。',
    '为安全起见，错误文件不保留初始密码，修改后请重新填写该列。',
  ],
  columns: [
    {
      key: 'username',
      header: '用户名',
      required: true,
      note: '登录名：以字母开头，3–32位字母、数字、下划线、点或连字符，不区分大小写',
      example: 'zhangsan',
      schema: usernameSchema,
    },
    {
      key: 'displayName',
      header: '姓名',
      required: true,
      note: '真实姓名',
      example: '张三',
      schema: textCell(30),
    },
    {
      key: 'org',
      header: '所属单位',
      required: true,
      note: '单位全称（重名时填其统一社会信用代码）',
      example: '三门峡市司法局',
      schema: textCell(80),
      width: 32,
    },
    {
      key: 'idNumber',
      header: '身份证号',
      note: '18位居民身份证号码，校验位须正确；加密保存；可不填',
      example: '11010519491231002X',
      schema: idNumberCell,
      width: 22,
    },
    {
      key: 'mobile',
      header: '手机号',
      note: '11位手机号码；加密保存；可不填',
      example: '13800138000',
      schema: mobileCell,
    },
    {
      key: 'email',
      header: '电子邮箱',
      note: '可不填',
      example: 'zhangsan@example.gov.cn',
      schema: emailCell,
      width: 26,
    },
    { key: 'position', header: '职务', note: '可不填', example: '法制审核科科员', schema: textCell(30) },
    {
      key: 'password',
      header: '初始密码',
      required: true,
      secret: true,
      note: '须符合密码策略（默认至少8位，含大写字母、小写字母、数字、符号中的三类）；首次登录须修改',
      example: 'Chushi@2025',
      schema: z.string().max(128, '不能超过 128 个字符'),
    },
  ],
  uniqueInFile: [
    { keys: ['username'], cell: 'username', label: '用户名', normalize: (v) => String(v).toLowerCase() },
  ],

  async resolve(ctx, rows, issues) {
    requirePermission(ctx.actor, 'user.write');
    const orgs = new OrgIndex<Org>(await listOrgs(ctx, { includeDisabled: true }));
    const policy = await getSecuritySettings(ctx.db, true);
    const out: PreparedRow<UserImportRow>[] = [];
    for (const r of rows as SourceRow[]) {
      let ok = r.invalid.size === 0;
      const c = r.cells;
      let orgId: string | null = null;
      const orgName = str(c.org);
      if (orgName) {
        const hit = orgs.pick(orgName, ctx.actor.regionCode);
        if ('error' in hit) {
          issues.cell(r.rowNumber, 'org', hit.error);
          ok = false;
        } else if (hit.disabled) {
          issues.cell(r.rowNumber, 'org', `单位“${hit.name}”已停用`);
          ok = false;
        } else orgId = hit.id;
      }
      const password = str(c.password);
      if (password && !passwordMeetsPolicy(password, policy.passwordMinLength, policy.passwordMinClasses)) {
        issues.cell(
          r.rowNumber,
          'password',
          `密码不符合安全策略：至少${policy.passwordMinLength}位，且包含大写字母、小写字母、数字、符号中的至少${policy.passwordMinClasses}类`,
        );
        ok = false;
      }
      if (!ok || !orgId || !password) continue;
      out.push({
        rowNumber: r.rowNumber,
        value: {
          passwordHash: null,
          input: {
            username: c.username as string,
            displayName: c.displayName as string,
            orgId,
            idNumber: str(c.idNumber),
            mobile: str(c.mobile),
            email: str(c.email),
            position: str(c.position),
            password,
          },
        },
      });
    }
    return out;
  },

  /** Hashing 5,000 passwords takes a while: done before the transaction opens, so it stays short. */
  async prepare(_ctx, rows) {
    await hashAll(rows);
    return rows;
  },

  async commit(tx, ctx, rows, track) {
    for (const r of rows)
      await track(r.rowNumber, () => createUserTx(tx, ctx, r.value.input, r.value.passwordHash ?? undefined));
  },
};
