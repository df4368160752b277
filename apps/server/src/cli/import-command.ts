import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Role } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { findImportKind, IMPORT_KINDS } from '../imports';
import { type Actor, type Ctx } from '../platform/context';
import { AppError } from '../platform/errors';
import { finishImport, startImport } from '../platform/excel/import';
import { cliCtx, type CliRuntime, type CliIo } from './runtime';

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
