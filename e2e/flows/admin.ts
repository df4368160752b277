import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { maskIdNumber, maskMobile } from '@fazhi/contracts';
import { assert, type E2eTest } from '../harness';
import {
  apiAs,
  chooseOption,
  chooseTreeNode,
  createUserByApi,
  dbOne,
  fieldError,
  login,
  openMenu,
  orgIdByName,
  poll,
  uniqDigits,
  validIdNumber,
  validUscc,
  waitSuccess,
  waitText,
  withWrongCheckChar,
} from './helpers';

/** 2. sysadmin creates an organisation; a USCC with a wrong check character is refused in the form. */
export const createOrg: E2eTest = {
  name: '新建单位与统一社会信用代码校验',
  run: async (page, env) => {
    const name = `三门峡市陕州区测试局${uniqDigits(6)}`;
    const uscc = validUscc('411203');
    const bad = withWrongCheckChar(uscc);
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/orgs') posts.push(r.url());
    });

    await login(page, env, 'sysadmin');
    await openMenu(page, 'menu-org', 'org-page');
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-form').waitFor();
    await page.getByTestId('org-form-name').fill(name);
    await chooseOption(page, 'org-form-type', '政府部门', true);
    await waitText(page.getByTestId('org-form-type'), '政府部门');
    await chooseTreeNode(page, 'org-form-region', '陕州区（411203）', '陕州区');
    await chooseTreeNode(page, 'org-form-parent', '三门峡市陕州区人民政府');

    // Wrong check character: refused in the form, nothing is sent.
    await page.getByTestId('org-form-uscc').fill(bad.toLowerCase());
    assert((await page.getByTestId('org-form-uscc').inputValue()) === bad, 'the code is upper-cased');
    await waitText(fieldError(page, 'org-form-uscc'), '统一社会信用代码无效（18位，校验位须正确）');
    await page.getByTestId('org-form-submit').click();
    await waitText(fieldError(page, 'org-form-uscc'), '统一社会信用代码无效');
    assert(posts.length < 1, 'no request with an invalid code');
    assert(await page.getByTestId('org-form').isVisible(), 'the form stays open');

    // The right code: the error goes and the organisation is created.
    await page.getByTestId('org-form-uscc').fill(uscc);
    await fieldError(page, 'org-form-uscc').waitFor({ state: 'detached' });
    await page.getByTestId('org-form-submit').click();
    await waitSuccess(page, '单位已创建');
    await page.getByTestId('org-form').waitFor({ state: 'detached' });
    assert(posts.length <= 1 && posts.length > 0, `one POST /api/orgs (${posts.length})`);

    const row = await dbOne<{
      id: string;
      type: string;
      uscc: string;
      region_code: string;
      parent_id: string;
    }>(env, 'select id, type, uscc, region_code, parent_id from organisations where name = $1', [name]);
    assert(row, 'the organisation row exists');
    assert(row.type === 'department', `type department (${row.type})`);
    assert(row.uscc === uscc, 'USCC stored');
    assert(row.region_code === '411203', 'region 陕州区');
    assert(
      row.parent_id === (await orgIdByName(env, '三门峡市陕州区人民政府')),
      'parent 三门峡市陕州区人民政府',
    );
    const audit = await dbOne(env, `select 1 from audit_log where action = 'org.create' and entity_id = $1`, [
      row.id,
    ]);
    assert(audit, 'org.create audited');

    const tr = page
      .locator('[data-testid=org-table] tr')
      .filter({ has: page.getByTestId(`org-row-${row.id}`) });
    await waitText(tr, name);
    await waitText(tr, uscc);
    await waitText(tr, '政府部门');
    await waitText(tr, '陕州区');

    // The same code a second time is refused by the server (unique), shown on the field.
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-form-name').fill(`${name}二`);
    await chooseOption(page, 'org-form-type', '政府部门', true);
    await chooseTreeNode(page, 'org-form-region', '陕州区（411203）', '陕州区');
    await page.getByTestId('org-form-uscc').fill(uscc);
    await page.getByTestId('org-form-submit').click();
    await waitText(page.locator('.ant-message-notice'), '统一社会信用代码已被其他单位使用');
    assert(await page.getByTestId('org-form').isVisible(), 'the form stays open after the refusal');
    assert(
      !(await dbOne(env, 'select 1 from organisations where name = $1', [`${name}二`])),
      'no duplicate row',
    );
  },
};

/** 3. 用户管理 → 导出: an .xlsx with the Chinese header row, demo users, ID numbers and mobiles masked. */
export const exportUsers: E2eTest = {
  name: '用户导出 Excel',
  run: async (page, env) => {
    const idNumber = validIdNumber();
    const mobile = `139${uniqDigits(8)}`;
    const user = await createUserByApi(env, { prefix: 'export', idNumber, mobile });

    await login(page, env, 'sysadmin');
    await openMenu(page, 'menu-users', 'users-page');
    await page.getByTestId('user-table').locator('tr.ant-table-row').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('user-export').click(),
    ]);
    const file = path.join(env.downloads, `users-${Date.now()}.xlsx`);
    await download.saveAs(file);
    assert(/\.xlsx$/.test(download.suggestedFilename()), `file name ${download.suggestedFilename()}`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    fs.rmSync(file);
    const ws = wb.worksheets[0];
    assert(ws, 'a worksheet');
    const rows: string[][] = [];
    ws.eachRow((r) => {
      const cells: string[] = [];
      r.eachCell({ includeEmpty: true }, (c) => cells.push(c.text));
      rows.push(cells);
    });
    const header = rows[0] ?? [];
    const expected = [
      '用户名',
      '姓名',
      '所属单位',
      '职务',
      '角色',
      '身份证号（脱敏）',
      '手机号（脱敏）',
      '电子邮箱',
      '状态',
      '最近登录',
    ];
    assert(
      JSON.stringify(header.slice(0, expected.length)) === JSON.stringify(expected),
      `header: ${header.join(',')}`,
    );

    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    const staff = byName.get('smx.staff');
    assert(staff, 'demo user smx.staff exported');
    assert(
      staff[1] === '孙经办' && staff[2] === '三门峡市市场监督管理局',
      `smx.staff row: ${staff.join(',')}`,
    );
    assert(staff[4] === '经办人', `role in Chinese: ${staff[4]}`);
    assert(byName.has('sysadmin') && byName.has('auditadmin'), 'admins exported');
    const total = await dbOne<{ n: string }>(env, 'select count(*) as n from users');
    assert(
      rows.length - 1 === Number(total?.n),
      `every user in the file (${rows.length - 1} vs ${total?.n})`,
    );

    const mine = byName.get(user.username);
    assert(mine, 'the new user is exported');
    assert(mine[5] === maskIdNumber(idNumber), `ID masked: ${mine[5]}`);
    assert(mine[6] === maskMobile(mobile), `mobile masked: ${mine[6]}`);
    assert(mine[8] === '正常', `status ${mine[8]}`);
    const all = rows.flat().join('\n');
    assert(
      !all.includes(idNumber) && !all.includes(mobile),
      'no clear ID number or mobile anywhere in the file',
    );
  },
};

/** 7. 安全管理员 assigns roles; 系统管理员 + 经办人 violates 三员分立. */
export const assignRoles: E2eTest = {
  name: '分配角色与三员分立',
  run: async (page, env) => {
    const user = await createUserByApi(env, { prefix: 'roles' });
    await login(page, env, 'secadmin');
    await openMenu(page, 'menu-users', 'users-page');
    await page.locator('[data-testid=user-search] input').fill(user.username);
    await page.locator('[data-testid=user-search] input').press('Enter');
    const tr = page
      .locator('[data-testid=user-table] tr')
      .filter({ has: page.getByTestId(`user-row-${user.username}`) });
    await waitText(tr, '未分配');
    await page.getByTestId(`user-assignRoles-${user.username}`).click();
    const modal = page
      .locator('.ant-modal')
      .filter({ hasText: `分配角色：${user.displayName}（${user.username}）` });
    await modal.waitFor();

    const sysadmin = page.getByTestId('role-checkbox-sysadmin');
    const staff = page.getByTestId('role-checkbox-staff');
    await sysadmin.click();
    await staff.click();
    await waitText(
      page.getByTestId('roles-separation-error'),
      '三员分立：系统管理员、安全管理员、审计管理员不能兼任，也不能兼任业务角色',
    );
    assert(
      await page.getByTestId('roles-submit').isDisabled(),
      'save is disabled while the rule is violated',
    );

    // The server enforces the rule as well.
    const api = await apiAs(env, 'secadmin');
    try {
      const r = await api.call<{ code: string; message: string }>('PUT', `/api/users/${user.id}/roles`, {
        roles: ['sysadmin', 'staff'],
        version: 1,
      });
      assert(
        r.status === 409 && r.body.code === 'ROLE_SEPARATION',
        `server refuses: ${r.status} ${r.body.code}`,
      );
      assert(r.body.message.includes('三员分立'), 'Chinese message from the server');
    } finally {
      await api.dispose();
    }

    await sysadmin.click();
    await page.getByTestId('roles-separation-error').waitFor({ state: 'detached' });
    await page.getByTestId('role-checkbox-head').click();
    await page.getByTestId('roles-submit').click();
    await waitSuccess(page, '角色已保存');
    await modal.waitFor({ state: 'hidden' });
    await waitText(tr, '经办人');
    await waitText(tr, '单位负责人');

    const roles = await poll('roles stored', async () => {
      const r = await dbOne<{ roles: string }>(
        env,
        `select string_agg(role, ',' order by role) as roles from user_roles where user_id = $1`,
        [user.id],
      );
      return r?.roles;
    });
    assert(roles === 'head,staff', `roles in the database: ${roles}`);
    assert(
      await dbOne(env, `select 1 from audit_log where entity_id = $1 and action like 'user.roles%'`, [
        user.id,
      ]),
      'role change audited',
    );
  },
};

/** 8. 审计管理员 finds the org creation and verifies the hash chain. */
export const auditLog: E2eTest = {
  name: '审计日志查询与校验日志链',
  run: async (page, env) => {
    const name = `三门峡市审计测试中心${uniqDigits(6)}`;
    const api = await apiAs(env, 'sysadmin');
    let orgId: string;
    try {
      const r = await api.call<{ id: string }>('POST', '/api/orgs', {
        name,
        type: 'department',
        regionCode: '411200',
        parentId: await orgIdByName(env, '三门峡市人民政府'),
      });
      assert(r.status === 200, `org created: ${r.status} ${JSON.stringify(r.body)}`);
      orgId = r.body.id;
    } finally {
      await api.dispose();
    }

    await login(page, env, 'auditadmin');
    await openMenu(page, 'menu-audit', 'audit-page');
    const table = page.getByTestId('audit-table');
    await page.locator('[data-testid=audit-filter-action] input').fill('org.create');
    await page.locator('[data-testid=audit-filter-action] input').press('Tab');
    await page.waitForURL(/action=org\.create/);
    await page.locator('[data-testid=audit-search] input').fill(orgId);
    await page.locator('[data-testid=audit-search] input').press('Enter');
    await page.waitForURL(new RegExp(`q=${orgId}`));
    const row = table.locator('tr.ant-table-row').filter({ hasText: orgId });
    await waitText(row, 'org.create');
    await waitText(row, '王系统');
    await waitText(row, '成功');
    await waitText(page.getByTestId('audit-page').locator('.ant-pagination'), '共 1 条');

    await row.locator('.ant-table-row-expand-icon').click();
    await waitText(page.getByTestId('audit-diff'), name);

    const before = await dbOne<{ n: string }>(env, 'select count(*) as n from audit_log');
    await page.getByTestId('audit-verify').click();
    await waitText(page.locator('.ant-modal'), '日志链完整');
    const text = await page.getByTestId('audit-verify-result').innerText();
    const checked = Number(/已校验 (\d+) 条记录，未发现篡改。/.exec(text)?.[1]);
    assert(checked >= Number(before?.n), `checked ${checked} ≥ ${before?.n} entries`);
    await page.getByTestId('audit-verify-close').click();
    await page.getByTestId('audit-verify-result').waitFor({ state: 'detached' });
    const verified = await dbOne(
      env,
      `select 1 from audit_log where action = 'audit.verify' and outcome = 'ok' and actor_name like '%auditadmin%'`,
    );
    assert(verified, 'the verification itself is audited');
  },
};
