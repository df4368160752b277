import fs from 'node:fs';
import path from 'node:path';
import { CLOCK_STATUSES, type ClockStatus } from '@fazhi/contracts';
import { assert, type E2eTest } from '../harness';
import { dbOne, login, openMenu, orgIdByName, typeDate, uniq, waitSuccess, waitText } from './helpers';

type Days = Record<string, string>;
const chineseDays = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, '../../node_modules/chinese-days/dist/chinese-days.json'),
    'utf8',
  ),
) as { holidays: Days; workdays: Days };

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/**
 * The oracle: start + n working days per the official schedule in chinese-days — counting begins the day
 * after the start; a day is a working day when it is a make-up workday (调休上班) or a Mon–Fri that is not
 * a public holiday.
 */
function addWorkingDays(startIso: string, n: number): string {
  const d = new Date(`${startIso}T00:00:00Z`);
  let left = n;
  for (;;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    const working =
      iso in chineseDays.workdays || (weekday >= 1 && weekday <= 5 && !(iso in chineseDays.holidays));
    if (working && --left === 0) return iso;
  }
}
const weekdayOf = (iso: string) => WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '';

/** 5. 期限计算器 over the 2026 National Day holiday, and a 2027 date with the 暂定 tag. */
export const dueDate: E2eTest = {
  name: '期限计算器（国庆调休与暂定年度）',
  run: async (page, env) => {
    const expected = addWorkingDays('2026-09-30', 5);
    // The schedule itself: 10-01..10-07 off, Saturday 10-10 a make-up workday.
    assert(
      '2026-10-07' in chineseDays.holidays && '2026-10-10' in chineseDays.workdays,
      'official 2026 schedule present',
    );

    await login(page, env, 'smx.reviewer');
    await openMenu(page, 'menu-due-date', 'due-date-page');
    await typeDate(page, 'due-start', '2026-09-30');
    await page.getByTestId('due-amount').fill('5');
    await page.getByTestId('due-unit').getByText('工作日', { exact: true }).click();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/calendar/due-date')),
      page.getByTestId('due-submit').click(),
    ]);
    assert(res.url().includes('start=2026-09-30') && res.url().includes('amount=5'), `query ${res.url()}`);
    await waitText(page.getByTestId('due-result'), '自 2026-09-30 起 5 个工作日');
    await waitText(page.getByTestId('due-result-date'), expected);
    assert((await page.getByTestId('due-result-date').innerText()) === expected, `due date ${expected}`);
    assert((await page.getByTestId('due-result-weekday').innerText()) === weekdayOf(expected), 'weekday');
    assert((await page.getByTestId('due-provisional').count()) === 0, '2026 is official: no 暂定 tag');

    // Calendar days across the holiday: 2026-09-30 + 3 calendar days = 10-03 (a holiday) → next working day.
    await page.getByTestId('due-amount').fill('3');
    await page.getByTestId('due-unit').getByText('自然日', { exact: true }).click();
    await page.getByTestId('due-submit').click();
    const calendarExpected = addWorkingDays('2026-10-03', 1);
    await waitText(page.getByTestId('due-result-date'), calendarExpected);

    // 2027: its schedule is not published yet.
    await typeDate(page, 'due-start', '2027-03-01');
    await page.getByTestId('due-amount').fill('10');
    await page.getByTestId('due-unit').getByText('工作日', { exact: true }).click();
    await page.getByTestId('due-submit').click();
    await waitText(page.getByTestId('due-result'), '自 2027-03-01 起 10 个工作日');
    await waitText(page.getByTestId('due-provisional'), '暂定（2027 该年度节假日安排尚未公布）');
    await waitText(page.getByTestId('due-result'), '国务院办公厅公布后到期日可能变化');
    const d2027 = await page.getByTestId('due-result-date').innerText();
    assert(/^2027-03-\d\d$/.test(d2027) && d2027 > '2027-03-12', `a plausible 2027 date: ${d2027}`);
  },
};

/** 10. 经办人 registers a time limit in 期限监控. */
export const createClock: E2eTest = {
  name: '期限监控：登记期限',
  run: async (page, env) => {
    const title = `E2E 政府信息公开申请答复 ${uniq()}`;
    const expected = addWorkingDays('2026-09-30', 5);
    await login(page, env, 'smx.staff');
    await openMenu(page, 'menu-clocks', 'clocks-page');
    await page.getByTestId('clock-create').click();
    await page.getByTestId('clock-form').waitFor();
    assert(page.url().includes('create=1'), 'the create form is in the URL');
    await page.getByTestId('clock-form-title').fill(title);
    await page.getByTestId('clock-form-start-event').fill('收到申请');
    await typeDate(page, 'clock-form-start-date', '2026-09-30');
    await page.getByTestId('clock-form-amount').fill('5');
    await page.getByTestId('clock-form-unit').getByText('工作日', { exact: true }).click();
    await waitText(page.getByTestId('due-preview'), expected);
    await page.getByTestId('clock-form-legal-basis').fill('《中华人民共和国政府信息公开条例》第三十三条');
    await page.getByTestId('clock-form-submit').click();
    await waitSuccess(page, '期限已登记');
    await page.getByTestId('clock-detail').waitFor();

    const row = await dbOne<{ id: string; due_date: string; org_id: string; status: string; unit: string }>(
      env,
      `select id, to_char(due_date, 'YYYY-MM-DD') as due_date, org_id, status, unit from clocks where title = $1`,
      [title],
    );
    assert(row, 'the clock row exists');
    assert(row.due_date === expected, `stored due date ${row.due_date}`);
    assert(row.unit === 'working_days', 'unit');
    assert(row.org_id === (await orgIdByName(env, '三门峡市市场监督管理局')), 'own organisation by default');
    assert(new URL(page.url()).pathname === `/clocks/${row.id}`, `detail URL ${page.url()}`);
    await waitText(page.getByTestId('clock-due-date'), expected);
    assert(
      await dbOne(env, `select 1 from audit_log where action = 'clock.create' and entity_id = $1`, [row.id]),
      'clock.create audited',
    );

    await page.keyboard.press('Escape');
    await page.getByTestId('clock-detail').waitFor({ state: 'hidden' });
    await page.locator('[data-testid=clock-search] input').fill(title);
    await page.locator('[data-testid=clock-search] input').press('Enter');
    await waitText(page.getByTestId(`clock-row-${row.id}`), title);
    const tr = page
      .locator('[data-testid=clock-table] tr')
      .filter({ has: page.getByTestId(`clock-row-${row.id}`) });
    await waitText(tr, expected);
    await waitText(tr, '5 个工作日');
    // Started 2026-09-30: once its due date has passed (Beijing time) a new clock is already 超期.
    const todayBeijing = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    if (todayBeijing > expected) assert(row.status === 'overdue', `status ${row.status} after ${expected}`);
    const status = row.status as ClockStatus;
    await waitText(tr.getByTestId(`clock-status-${status}`), CLOCK_STATUSES[status]);
  },
};
