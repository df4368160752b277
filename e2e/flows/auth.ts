import { assert, type E2eTest } from '../harness';
import {
  chooseTreeNode,
  createUserByApi,
  dbOne,
  fieldError,
  login,
  openMenu,
  openUserMenu,
  orgIdByName,
  submitLogin,
  uniq,
  uniqDigits,
  waitSuccess,
  waitText,
} from './helpers';

/** 1. sysadmin creates an account in the UI; the user is forced to change the password at first sign-in. */
export const firstLogin: E2eTest = {
  name: '登录 → 首次登录修改密码',
  run: async (page, env) => {
    const username = `e2e.first.${uniq()}`;
    const displayName = `首登${uniqDigits(4)}`;
    const initial = 'Init#2025ab';
    const changed = 'Changed#2026cd';

    await login(page, env, 'sysadmin');
    await openMenu(page, 'menu-users', 'users-page');
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-form').waitFor();
    await page.getByTestId('user-form-username').fill(username);
    await page.getByTestId('user-form-display-name').fill(displayName);
    await chooseTreeNode(page, 'user-form-org', '三门峡市市场监督管理局');
    await page.getByTestId('user-form-password').fill(initial);
    await page.getByTestId('user-form-submit').click();
    await waitSuccess(page, '用户已创建');
    await page.getByTestId('user-form').waitFor({ state: 'detached' });

    const row = await dbOne<{ org_id: string; must_change_password: boolean; display_name: string }>(
      env,
      'select org_id, must_change_password, display_name from users where username = $1',
      [username],
    );
    assert(row, 'the user row exists');
    assert(
      row.org_id === (await orgIdByName(env, '三门峡市市场监督管理局')),
      'user belongs to 三门峡市市场监督管理局',
    );
    assert(row.must_change_password === true, 'a new user must change the password');
    assert(row.display_name === displayName, 'display name stored');

    await page.locator('[data-testid=user-search] input').fill(username);
    await page.locator('[data-testid=user-search] input').press('Enter');
    const tr = page
      .locator('[data-testid=user-table] tr')
      .filter({ has: page.getByTestId(`user-row-${username}`) });
    await waitText(tr, '待改密');
    await waitText(tr, '三门峡市市场监督管理局');

    // The new user signs in in another browser context.
    const other = await env.browser.newContext({ locale: 'zh-CN' });
    try {
      const p2 = await other.newPage();
      p2.setDefaultTimeout(15_000);
      await p2.goto(`${env.baseUrl}/login`);
      await submitLogin(p2, username, initial);
      await p2.waitForURL('**/change-password');
      await waitText(p2.getByTestId('change-password-forced'), '首次登录或密码已过期，请先修改密码');
      // No way around it: the home page sends the user back.
      await p2.goto(`${env.baseUrl}/`);
      await p2.waitForURL('**/change-password');
      await p2.getByTestId('change-password-forced').waitFor();

      await p2.getByTestId('cp-current').fill(initial);
      await p2.getByTestId('cp-new').fill('abcdefgh');
      await p2.getByTestId('cp-confirm').fill('abcdefgh');
      await p2.getByTestId('cp-submit').click();
      await waitText(fieldError(p2, 'cp-new'), '密码不符合安全策略');
      assert(p2.url().endsWith('/change-password'), 'still on the change-password page');
      const still = await dbOne<{ must_change_password: boolean }>(
        env,
        'select must_change_password from users where username = $1',
        [username],
      );
      assert(still?.must_change_password === true, 'a weak password changed nothing');

      await p2.getByTestId('cp-new').fill(changed);
      await p2.getByTestId('cp-confirm').fill(changed);
      await p2.getByTestId('cp-submit').click();
      await waitSuccess(p2, '密码已修改');
      await p2.getByTestId('home-page').waitFor();
      await waitText(p2.getByTestId('user-menu-name'), displayName);
      const after = await dbOne<{ must_change_password: boolean }>(
        env,
        'select must_change_password from users where username = $1',
        [username],
      );
      assert(after?.must_change_password === false, 'mustChangePassword cleared');
      const audit = await dbOne(
        env,
        `select 1 from audit_log a join users u on u.id::text = a.entity_id
          where u.username = $1 and a.action = 'auth.password.change' and a.outcome = 'ok'`,
        [username],
      );
      assert(audit, 'the password change is audited');

      await openUserMenu(p2);
      await p2.getByTestId('user-menu-logout').click();
      await p2.getByTestId('login-card').waitFor();

      assert((await submitLogin(p2, username, initial)) === 401, 'the initial password no longer works');
      await waitText(p2.getByTestId('login-error'), '用户名或密码错误');
      await submitLogin(p2, username, changed);
      await p2.getByTestId('home-page').waitFor();
      assert(!p2.url().includes('change-password'), 'no forced change after the new password');
      await waitText(p2.getByTestId('user-menu-name'), displayName);
    } finally {
      await other.close();
    }
  },
};

/** 4. Logout from the user menu: back on the login page and the old session cookie is dead on the server. */
export const logout: E2eTest = {
  name: '退出登录 → 会话失效',
  run: async (page, env, context) => {
    await login(page, env, 'smx.reviewer');
    await page.getByTestId('home-page').waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'fazhi_sid');
    assert(cookie, 'a session cookie was set');
    const me = async () =>
      (await fetch(`${env.baseUrl}/api/auth/me`, { headers: { cookie: `fazhi_sid=${cookie.value}` } }))
        .status;
    assert((await me()) === 200, 'the session works before logout');

    await openUserMenu(page);
    await waitText(page.getByTestId('user-menu-profile'), '三门峡市司法局');
    await page.getByTestId('user-menu-logout').click();
    await page.waitForURL('**/login');
    await page.getByTestId('login-card').waitFor();

    assert((await me()) === 401, 'the old session cookie is rejected after logout');
    await page.goto(`${env.baseUrl}/`);
    await page.getByTestId('login-card').waitFor();
    assert(new URL(page.url()).pathname === '/login', `navigating to / shows the login page (${page.url()})`);
    assert((await page.getByTestId('user-menu').count()) === 0, 'no app shell');
    await page.goto(`${env.baseUrl}/users`);
    await page.getByTestId('login-card').waitFor();
    assert(page.url().includes('next=%2Fusers'), 'a deep link remembers where to go after login');
  },
};

/** 6. A wrong password shows the Chinese error; the 5th locks the account. */
export const lockout: E2eTest = {
  name: '密码错误与账户锁定',
  run: async (page, env) => {
    const user = await createUserByApi(env, { prefix: 'lock' });
    await page.goto(`${env.baseUrl}/login`);
    for (let i = 1; i <= 4; i++) {
      assert((await submitLogin(page, user.username, `Wrong#pass${i}`)) === 401, `attempt ${i} refused`);
      await waitText(page.getByTestId('login-error'), `用户名或密码错误（再失败 ${5 - i} 次将锁定账户）`);
    }
    assert((await submitLogin(page, user.username, 'Wrong#pass5')) === 423, 'the 5th attempt locks');
    await waitText(page.getByTestId('login-error'), '连续 5 次登录失败，账户已锁定 15 分钟');
    // Even the right password is refused now.
    assert((await submitLogin(page, user.username, user.password)) === 423, 'locked: right password refused');
    await waitText(page.getByTestId('login-error'), /账户已锁定，请 1[45] 分钟后再试或联系安全管理员/);
    assert((await page.getByTestId('user-menu').count()) === 0, 'not signed in');

    const row = await dbOne<{ locked: boolean }>(
      env,
      'select locked_until > now() as locked from users where id = $1',
      [user.id],
    );
    assert(row?.locked === true, 'locked_until is in the future');
    const audit = await dbOne(
      env,
      `select 1 from audit_log where action = 'auth.lockout' and entity_id = $1`,
      [user.id],
    );
    assert(audit, 'the lockout is audited');

    // 安全管理员 sees the lock in the user list.
    await login(page, env, 'secadmin');
    await openMenu(page, 'menu-users', 'users-page');
    await page.locator('[data-testid=user-search] input').fill(user.username);
    await page.locator('[data-testid=user-search] input').press('Enter');
    const tr = page
      .locator('[data-testid=user-table] tr')
      .filter({ has: page.getByTestId(`user-row-${user.username}`) });
    await waitText(tr, '已锁定');
  },
};

/** 9. 中文 / EN on the login page and in the shell. */
export const english: E2eTest = {
  name: '英文界面切换',
  run: async (page, env) => {
    await page.goto(`${env.baseUrl}/login`);
    await waitText(page.getByTestId('login-card'), '法治政府建设工作平台');
    await waitText(page.getByTestId('login-submit'), /登\s?录/);
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await waitText(page.getByTestId('login-card'), 'Rule-of-Law Government Platform');
    await waitText(page.getByTestId('login-submit'), 'Sign in');
    await waitText(page.getByTestId('login-card'), 'Username');
    assert((await page.getByTestId('login-card').innerText()).indexOf('用户名') < 0, 'no Chinese label left');
    assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang=en');

    // Server errors follow the language.
    await submitLogin(page, 'smx.reviewer', 'Wrong#pass1');
    await waitText(page.getByTestId('login-error'), 'Wrong username or password');

    await submitLogin(page, 'smx.reviewer', 'Fazhi@2025');
    await page.getByTestId('home-page').waitFor();
    const menu = page.getByTestId('side-menu');
    await waitText(page.getByTestId('menu-home'), 'Home');
    await waitText(page.getByTestId('menu-due-date'), 'Due-date calculator');
    await waitText(page.getByTestId('menu-group-calendar'), 'Calendar');
    assert(!/[首页期限计算器]/.test(await menu.innerText()), `menu is English: ${await menu.innerText()}`);
    await openUserMenu(page);
    await waitText(page.getByTestId('user-menu-logout'), 'Sign out');
    await waitText(page.getByTestId('user-menu-profile'), 'Justice-bureau reviewer');
    await page.keyboard.press('Escape');

    // Remembered across a reload; back to Chinese.
    await page.reload();
    await waitText(page.getByTestId('menu-home'), 'Home');
    await page.getByTestId('locale-switch').getByText('中文', { exact: true }).click();
    await waitText(page.getByTestId('menu-home'), '首页');
    await waitText(page.getByTestId('menu-due-date'), '期限计算器');
  },
};
