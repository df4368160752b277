import { request, type Locator, type Page } from 'playwright-core';
import { completeUscc, idNumberCheckChar } from '@fazhi/contracts';
import { assert, type E2eEnv } from '../harness';

export const DEMO_PASSWORD = 'Fazhi@2025';

let counter = 0;
/** A short token unique to this run and call: usernames, organisation names, titles. */
export function uniq(): string {
  counter += 1;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`.slice(-10);
}

/** Digits only, unique to this run and call (for names that must be Chinese + digits, codes). */
export function uniqDigits(length: number): string {
  counter += 1;
  const s = `${Date.now()}${process.pid}${counter}${Math.floor(Math.random() * 1e6)}`;
  return s.slice(-length).padStart(length, '0');
}

/** A valid 统一社会信用代码: 11 (机关) + region + a unique organisation-code body, check characters computed. */
export function validUscc(regionCode: string): string {
  return completeUscc(`11${regionCode}${uniqDigits(8)}`);
}

/** The same code with a wrong final check character. */
export function withWrongCheckChar(uscc: string): string {
  const last = uscc.slice(-1);
  return uscc.slice(0, 17) + (last === '1' ? '2' : '1');
}

/** A valid 18-character resident ID number born 1990-01-01 in 三门峡市陕州区. */
export function validIdNumber(): string {
  const first17 = `411203${'19900101'}${uniqDigits(3)}`;
  return first17 + idNumberCheckChar(first17);
}

export async function dbOne<T = Record<string, unknown>>(
  env: E2eEnv,
  sql: string,
  params: unknown[] = [],
): Promise<T | undefined> {
  const res = await env.runtime.database.pool.query(sql, params);
  return res.rows[0] as T | undefined;
}

export async function orgIdByName(env: E2eEnv, name: string): Promise<string> {
  const row = await dbOne<{ id: string }>(env, 'select id from organisations where name = $1', [name]);
  assert(row, `organisation ${name} exists`);
  return row.id;
}

/** Waits until `locator` shows `text` (substring); a locator wait, no sleeps. */
export async function waitText(locator: Locator, text: string | RegExp, timeout?: number): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout });
}

/** Polls `fn` until it returns a truthy value (server-side state settling after a UI action). */
export async function poll<T>(what: string, fn: () => Promise<T>, timeout = 10_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Signs in through the login page and waits for the app shell (or the forced password change). */
export async function login(
  page: Page,
  env: E2eEnv,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${env.baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Submits the login form and waits for the server's answer. */
export async function submitLogin(page: Page, username: string, password: string): Promise<number> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST'),
    page.getByTestId('login-submit').click(),
  ]);
  return res.status();
}

/**
 * Waits until the open popup (`popupSelector`) of the control `anchorTestId` has finished its entry
 * motion and sits next to the control. rc-trigger renders a popup first at a provisional position and
 * aligns it a frame later; a click aimed in between lands on the page behind it.
 */
export async function waitPopupAligned(
  page: Page,
  anchorTestId: string,
  popupSelector: string,
): Promise<void> {
  await page.waitForFunction(
    ([id, sel]) => {
      const anchor = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
      if (!anchor) return false;
      return Array.from(document.querySelectorAll(sel)).some((el) => {
        if (/-hidden\b|-(appear|enter|leave)\b/.test(el.className)) return false;
        const r = el.getBoundingClientRect();
        const near = Math.abs(r.top - anchor.bottom) < 24 || Math.abs(r.bottom - anchor.top) < 24;
        return r.height > 0 && near && getComputedStyle(el).opacity === '1';
      });
    },
    [anchorTestId, popupSelector] as const,
  );
}

/** Opens an antd Select (test id on the wrapper), optionally types to filter, and picks an option by its text. */
export async function chooseOption(page: Page, testId: string, text: string, search = false): Promise<void> {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(text);
  await waitPopupAligned(page, testId, '.ant-select-dropdown');
  await page
    .locator('.ant-select-item-option')
    .filter({ visible: true })
    .filter({ hasText: text })
    .first()
    .click();
  await waitText(page.getByTestId(testId), text);
}

/** Opens an antd TreeSelect, types to filter (the list is virtual), and picks the node whose title is `title`. */
export async function chooseTreeNode(
  page: Page,
  testId: string,
  title: string,
  search = title,
): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(search);
  await waitPopupAligned(page, testId, '.ant-select-dropdown');
  await page
    .locator(`.ant-select-tree-node-content-wrapper[title="${title}"]`)
    .filter({ visible: true })
    .first()
    .click();
  await waitText(page.getByTestId(testId), title);
}

/** Opens the user menu in the header and waits for it to be in place. */
export async function openUserMenu(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await waitPopupAligned(page, 'user-menu', '.ant-dropdown');
}

/** Types an ISO date into an antd DatePicker (test id on the <input>) and confirms with Enter. */
export async function typeDate(page: Page, testId: string, iso: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(iso);
  await input.press('Enter');
  assert((await input.inputValue()) === iso, `${testId} shows ${iso}`);
}

/** The text of the visible form-item error under the field carrying `testId`. */
export function fieldError(page: Page, testId: string): Locator {
  return page
    .locator('.ant-form-item')
    .filter({ has: page.getByTestId(testId) })
    .locator('.ant-form-item-explain-error');
}

export type Api = {
  call: <T = Record<string, unknown>>(
    method: string,
    path: string,
    data?: unknown,
  ) => Promise<{ status: number; body: T }>;
  dispose: () => Promise<void>;
};

/** An HTTP session of a demo account, for setting up data a flow needs but does not test. */
export async function apiAs(env: E2eEnv, username: string, password = DEMO_PASSWORD): Promise<Api> {
  const ctx = await request.newContext({ baseURL: env.baseUrl });
  const res = await ctx.post('/api/auth/login', { data: { username, password } });
  assert(res.ok(), `API login of ${username}: ${res.status()} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  return {
    call: async (method, path, data) => {
      const r = await ctx.fetch(path, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
      return { status: r.status(), body: (await r.json()) as never };
    },
    dispose: () => ctx.dispose(),
  };
}

export type NewUser = { id: string; username: string; displayName: string; password: string };

/** Creates an account as sysadmin through the API (setup for flows that test something else). */
export async function createUserByApi(
  env: E2eEnv,
  opts: { prefix: string; orgName?: string; idNumber?: string; mobile?: string },
): Promise<NewUser> {
  const api = await apiAs(env, 'sysadmin');
  try {
    const username = `e2e.${opts.prefix}.${uniq()}`;
    const displayName = `测试${opts.prefix}${uniqDigits(4)}`;
    const password = 'Init#2025ab';
    const orgId = await orgIdByName(env, opts.orgName ?? '三门峡市市场监督管理局');
    const r = await api.call<{ id: string }>('POST', '/api/users', {
      username,
      displayName,
      orgId,
      password,
      idNumber: opts.idNumber ?? null,
      mobile: opts.mobile ?? null,
    });
    assert(r.status === 200, `create user ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return { id: r.body.id, username, displayName, password };
  } finally {
    await api.dispose();
  }
}

/** Opens a page of the shell by its side-menu test id and waits for the page's own test id. */
export async function openMenu(page: Page, menuTestId: string, pageTestId: string): Promise<void> {
  await page.getByTestId(menuTestId).click();
  await page.getByTestId(pageTestId).waitFor();
}

/** Waits for the antd success message. */
export async function waitSuccess(page: Page, text: string): Promise<void> {
  await waitText(page.locator('.ant-message-notice'), text);
}
