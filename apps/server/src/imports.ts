/**
 * The Excel import kinds and their routes: the platform's import framework (platform/excel/import) bound
 * to the org and users modules through their index.ts. Each kind's commit writes through the module's own
 * service functions (createOrgTx, createUserTx), so every row gets its scope check, business checks and
 * audit entry exactly as when entered by hand.
 */
import {
  completeUscc,
  isValidUscc,
  ORG_TYPES,
  passwordMeetsPolicy,
  usernameSchema,
  type Org,
  type OrgCreate,
  type UserCreate,
} from '@fazhi/contracts';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requirePermission, scopeFor } from './platform/access/policy';
import { getSecuritySettings } from './platform/auth/security-settings';
import { hashPassword } from './platform/auth/password';
import { importRoutes as importRoutesPlugin } from './platform/excel/import.routes';
import {
  emailCell,
  enumCell,
  idNumberCell,
  mobileCell,
  regionCodeCell,
  textCell,
  usccCell,
  yesNoCell,
  YES_NO,
  type AnyImportKind,
  type ImportKind,
  type PreparedRow,
  type SourceRow,
} from './platform/excel/import';
import { createOrgTx, findRegion, listOrgs } from './modules/org';
import { createUserTx } from './modules/users';

type OrgRef = { name: string; uscc: string | null; regionCode: string };

/**
 * Organisations a cell may name — by 统一社会信用代码 or by full name. Indexed, because 5,000 rows each
 * naming one of thousands of units must not scan them all.
 */
class OrgIndex<T extends OrgRef> {
  private byName = new Map<string, T[]>();
  private byUscc = new Map<string, T[]>();
  constructor(items: T[] = []) {
    for (const i of items) this.add(i);
  }
  add(item: T): void {
    this.byName.set(item.name, [...(this.byName.get(item.name) ?? []), item]);
    if (item.uscc) this.byUscc.set(item.uscc, [...(this.byUscc.get(item.uscc) ?? []), item]);
  }
  /** The one unit `value` names; several of one name are narrowed to `preferRegion`. Else a Chinese reason. */
  pick(value: string, preferRegion: string | null): T | { error: string } {
    const code = value.toUpperCase();
    let hits = (isValidUscc(code) ? this.byUscc.get(code) : this.byName.get(value)) ?? [];
    if (hits.length > 1 && preferRegion) {
      const local = hits.filter((c) => c.regionCode === preferRegion);
      if (local.length) hits = local;
    }
    if (hits.length === 1) return hits[0] as T;
    if (hits.length > 1)
      return { error: `有 ${hits.length} 个名为“${value}”的单位，请改填其统一社会信用代码` };
    return { error: `单位“${value}”不存在或不在您的管辖范围内` };
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

// ---------------------------------------------------------------- 单位 (orgs)

type OrgImportRow = {
  input: Omit<OrgCreate, 'parentId'>;
  parent: { existing: string } | { row: number } | null;
};

export const orgImportKind: ImportKind<OrgImportRow> = {
  name: 'orgs',
  title: '单位',
  sheetName: '单位',
  permission: 'org.import',
  instructions: [
    '上级单位可以是系统中已有的单位，也可以是本文件中的单位；如是后者，请把上级单位放在下级单位之前。',
    '行政区划代码须已在系统中登记，并在您的管辖范围内。',
  ],
  columns: [
    {
      key: 'name',
      header: '单位名称',
      required: true,
      note: '单位全称，同一行政区划内不能重名',
      example: '三门峡市市场监督管理局',
      schema: textCell(80, 2),
      width: 32,
    },
    { key: 'shortName', header: '简称', note: '可不填', example: '市市场监管局', schema: textCell(30) },
    {
      key: 'type',
      header: '单位类型',
      required: true,
      note: '从下拉列表中选择',
      example: ORG_TYPES.department,
      options: Object.values(ORG_TYPES),
      schema: enumCell(ORG_TYPES),
    },
    {
      key: 'regionCode',
      header: '行政区划代码',
      required: true,
      note: '单位所在行政区划的代码（GB/T 2260：县级及以上6位，乡镇9位），须在您的管辖范围内',
      example: '411200',
      schema: regionCodeCell,
    },
    {
      key: 'parent',
      header: '上级单位',
      note: '上级单位的全称（重名时填其统一社会信用代码）；须已在系统中，或在本文件中位于本行之前；可不填',
      example: '三门峡市人民政府',
      schema: textCell(80),
      width: 32,
    },
    {
      key: 'uscc',
      header: '统一社会信用代码',
      note: '18位，校验位须正确；可不填',
      example: completeUscc('11411200MB012345'),
      schema: usccCell,
      width: 24,
    },
    {
      key: 'docCodePrefix',
      header: '机关代字',
      note: '发文字号中的机关代字（汉字，不超过12个字）；可不填',
      example: '三市监',
      schema: z
        .string()
        .trim()
        .max(12, '不能超过 12 个字')
        .regex(/^[\u4e00-\u9fa5]+$/, '机关代字应为汉字，如“三政”'),
    },
    {
      key: 'isLawEnforcementBody',
      header: '是否行政执法主体',
      note: '填“是”或“否”，不填视为“否”',
      example: '是',
      options: YES_NO,
      schema: yesNoCell,
    },
    {
      key: 'isReconsiderationOrgan',
      header: '是否行政复议机关',
      note: '填“是”或“否”，不填视为“否”',
      example: '否',
      options: YES_NO,
      schema: yesNoCell,
    },
  ],
  uniqueInFile: [
    { keys: ['regionCode', 'name'], cell: 'name', label: '同一行政区划内的单位名称' },
    { keys: ['uscc'], cell: 'uscc', label: '统一社会信用代码' },
  ],

  async resolve(ctx, rows, issues) {
    requirePermission(ctx.actor, 'org.write');
    const scope = scopeFor(ctx.actor, 'org.write');
    const regionOk = new Map<string, boolean>();
    for (const code of new Set(rows.map((r) => str(r.cells.regionCode)).filter((c) => c !== null))) {
      const region = await findRegion(ctx.db, code);
      regionOk.set(code, !!region && scope.kind === 'region' && region.path.startsWith(scope.pathPrefix));
    }
    // Existing units in scope, and the file's rows as they are passed (a parent must come first).
    const candidates = new OrgIndex<OrgRef & { id?: string; rowNumber?: number }>(
      await listOrgs(ctx, { includeDisabled: false }),
    );
    const out: PreparedRow<OrgImportRow>[] = [];
    for (const r of rows) {
      let ok = r.invalid.size === 0;
      const regionCode = str(r.cells.regionCode);
      if (regionCode && !regionOk.get(regionCode)) {
        issues.cell(r.rowNumber, 'regionCode', `行政区划代码 ${regionCode} 不存在或不在您的管辖范围内`);
        ok = false;
      }
      let parent: OrgImportRow['parent'] = null;
      const parentName = str(r.cells.parent);
      if (parentName) {
        const hit = candidates.pick(parentName, regionCode);
        if ('error' in hit) {
          const later = rows.some(
            (x) =>
              x.rowNumber > r.rowNumber &&
              (x.cells.name === parentName || x.cells.uscc === parentName.toUpperCase()),
          );
          issues.cell(
            r.rowNumber,
            'parent',
            later ? `上级单位“${parentName}”在本文件中位于本行之后，请把上级单位移到前面` : hit.error,
          );
          ok = false;
        } else parent = hit.rowNumber !== undefined ? { row: hit.rowNumber } : { existing: hit.id as string };
      }
      const name = str(r.cells.name);
      if (name && regionCode)
        candidates.add({ name, uscc: str(r.cells.uscc), regionCode, rowNumber: r.rowNumber });
      if (!ok || !name || !regionCode) continue;
      const c = r.cells;
      out.push({
        rowNumber: r.rowNumber,
        value: {
          parent,
          input: {
            name,
            shortName: str(c.shortName),
            type: c.type as OrgCreate['type'],
            uscc: str(c.uscc),
            docCodePrefix: str(c.docCodePrefix),
            regionCode,
            isLawEnforcementBody: c.isLawEnforcementBody === true,
            isReconsiderationOrgan: c.isReconsiderationOrgan === true,
          },
        },
      });
    }
    return out;
  },

  async commit(tx, ctx, rows, track) {
    const created = new Map<number, string>();
    for (const r of rows) {
      await track(r.rowNumber, async () => {
        const p = r.value.parent;
        const parentId = p === null ? null : 'existing' in p ? p.existing : (created.get(p.row) ?? null);
        const org = await createOrgTx(tx, ctx, { ...r.value.input, parentId });
        created.set(r.rowNumber, org.id);
      });
    }
  },
};

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

export const IMPORT_KINDS: readonly AnyImportKind[] = [orgImportKind, userImportKind];

export function findImportKind(name: string): AnyImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.name === name);
}

/** The import routes with this application's kinds; app.ts registers it under /api. */
export const importRoutes: FastifyPluginAsync = async (app) => {
  await app.register(importRoutesPlugin, { kinds: IMPORT_KINDS });
};
export default importRoutes;
