import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { assert, type E2eEnv, type E2eTest } from '../harness';
import { chooseTreeNode, login, uniqDigits, waitPopupAligned, waitSuccess, waitText } from './helpers';

const TARGET_ORG = '三门峡市市场监督管理局';
const REPORT_ORG = '三门峡市人民政府';
/** Collected indicators of the task: two counts (G5) and a rate (G2). */
const CASES = 'enforcement_cases_handled';
const LENIENT = 'lenient_enforcement_cases';
const RATE = 'service_window_staff_certification_rate';

/** Signs in as another demo account in the same tab. */
async function as(page: Page, env: E2eEnv, username: string) {
  await page.context().clearCookies();
  await login(page, env, username);
}

/** Clicks a button guarded by an antd Popconfirm and confirms it. */
async function confirmPop(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await waitPopupAligned(page, testId, '.ant-popover');
  await page.locator('.ant-popconfirm-buttons .ant-btn-primary').filter({ visible: true }).click();
}

/** Types into an antd InputNumber (the test id may sit on the wrapper or on the <input>). */
async function fillNumber(page: Page, testId: string, value: number) {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.fill(String(value));
  await input.blur();
}

/** Opens the caller's organisation's submission of the task from 本单位填报. */
async function openSubmission(page: Page, env: E2eEnv, taskTitle: string) {
  await page.goto(`${env.baseUrl}/collection/mine`);
  await page.getByTestId('target-row').filter({ hasText: taskTitle }).getByRole('link').click();
  await page.getByTestId('submission-page').waitFor();
}

/** The row of the target organisation on the task page. */
const targetRow = (page: Page) => page.locator(`[data-testid="target-row"][data-org-name="${TARGET_ORG}"]`);

/** The head signs the submission off. */
async function signOff(page: Page, env: E2eEnv, taskTitle: string) {
  await as(page, env, 'smx.head');
  await openSubmission(page, env, taskTitle);
  await confirmPop(page, 'submission-signoff');
  await waitSuccess(page, '已签批');
}

/**
 * 13. 数据填报与年度报告: the justice bureau creates and opens a 填报 task (two counts and a rate, the market
 * regulation bureau as target); the bureau's staff fill and submit it, the head signs off; the justice bureau
 * returns it with a reason, the staff correct a value and resubmit, the head signs off again, the justice bureau
 * accepts and sees the value in the roll-up; then it creates the city government's 2025 report, runs the
 * 起草助手, finds the accepted value in the preview and in the downloaded .docx.
 */
export const collectionToReport: E2eTest = {
  name: '数据填报与年度报告：下发→填报→退回→更正→采纳→起草助手→预览→下载Word',
  run: async (page, env) => {
    const token = uniqDigits(6);
    const taskTitle = `2025年度法治政府建设情况数据填报（${token}）`;
    const firstCases = 120;
    const fixedCases = 137;
    const reason = `查办案件数与执法平台统计不一致，请核实（${token}）`;

    // 1. The justice bureau creates the task and opens it.
    await as(page, env, 'smx.reviewer');
    await page.goto(`${env.baseUrl}/collection`);
    await page.getByTestId('task-create').click();
    await page.getByTestId('task-title').fill(taskTitle);
    await page.getByTestId('task-period').fill('2025');
    for (const name of ['查办行政执法案件数（起）', '窗口工作人员持证上岗率（%）'])
      await chooseTreeNode(page, 'task-indicators', name, name.replace(/（.*$/, ''));
    await chooseTreeNode(
      page,
      'task-indicators',
      '适用柔性执法（告知引导、行政指导、包容审慎“四张清单”）办理案件数（件）',
      '适用柔性执法',
    );
    await page.keyboard.press('Escape');
    await page.getByTestId('task-target-mode').getByText('指定单位').click();
    await page.getByTestId('task-orgs').click();
    await page.keyboard.type(TARGET_ORG);
    await waitPopupAligned(page, 'task-orgs', '.ant-select-dropdown');
    await page.locator(`.ant-select-item-option[title="${TARGET_ORG}"]`).filter({ visible: true }).click();
    await page.keyboard.press('Escape');
    await waitText(page.getByTestId('task-orgs'), TARGET_ORG);
    await page.getByTestId('task-form-submit').click();
    await page.getByTestId('collection-task-page').waitFor();
    await confirmPop(page, 'task-open');
    await waitSuccess(page, '任务已下发');
    await targetRow(page).waitFor();
    const taskUrl = page.url();

    // 2. The department fills, saves and submits; the head signs off.
    await as(page, env, 'smx.staff');
    await openSubmission(page, env, taskTitle);
    await fillNumber(page, `value-${CASES}`, firstCases);
    await fillNumber(page, `value-${LENIENT}`, 45);
    await fillNumber(page, `value-${RATE}-numerator`, 38);
    await fillNumber(page, `value-${RATE}-denominator`, 40);
    await waitText(page.getByTestId(`value-${RATE}`), '95%');
    await page.getByTestId('narrative-g1').fill(`局党组专题研究法治政府建设工作（${token}）。`);
    await page.getByTestId('submission-save').click();
    await waitSuccess(page, '已保存');
    await confirmPop(page, 'submission-submit');
    await waitSuccess(page, '已提交');
    await signOff(page, env, taskTitle);

    // 3. The justice bureau returns it; the department corrects and resubmits; the bureau accepts.
    await as(page, env, 'smx.reviewer');
    await page.goto(taskUrl);
    await targetRow(page).getByTestId('target-return').click();
    await page.getByTestId('return-reason').fill(reason);
    await page.getByTestId('return-confirm').click();
    await waitSuccess(page, '已退回');

    await as(page, env, 'smx.staff');
    await openSubmission(page, env, taskTitle);
    await waitText(page.getByTestId('return-reason-shown'), reason);
    await fillNumber(page, `value-${CASES}`, fixedCases);
    await page.getByTestId('submission-save').click();
    await waitSuccess(page, '已保存');
    await confirmPop(page, 'submission-submit');
    await waitSuccess(page, '已提交');
    await signOff(page, env, taskTitle);

    await as(page, env, 'smx.reviewer');
    await page.goto(taskUrl);
    await targetRow(page).getByTestId('target-accept').click();
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').filter({ visible: true }).click();
    await waitSuccess(page, '已采纳');
    await page.getByRole('tab', { name: '汇总' }).click();
    await waitText(page.getByTestId(`rollup-${CASES}`), String(fixedCases));
    await waitText(page.getByTestId(`rollup-${RATE}`), '95');

    // 4. The city government's 2025 report: 起草助手, preview, Word.
    await page.goto(`${env.baseUrl}/reports`);
    await page.getByTestId('report-create').click();
    await chooseTreeNode(page, 'report-create-org', REPORT_ORG);
    await page.getByTestId('report-create-year').fill('2025');
    await page.getByTestId('report-create-submit').click();
    await page.getByTestId('report-page').waitFor();
    const title = (await page.getByTestId('report-title').innerText()).trim();
    assert(title.includes('2025'), `report title names the year: ${title}`);

    await page.getByTestId('report-assist').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').filter({ visible: true }).click();
    await waitSuccess(page, '已填写');
    await page.getByTestId('report-preview').click();
    const preview = page.getByTestId('report-preview-body');
    await waitText(preview.getByTestId(`figure-${CASES}`), String(fixedCases));
    await waitText(preview, token); // the department's narrative, assembled into 加强党的领导

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download-docx').click(),
    ]);
    assert(download.suggestedFilename().endsWith('.docx'), `a .docx: ${download.suggestedFilename()}`);
    const file = await download.path();
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')?.async('string');
    assert(xml, 'word/document.xml is in the package');
    const text = xml.replace(/<[^>]+>/g, '');
    assert(text.includes(title), `the document states the title ${title}`);
    assert(
      new RegExp(`查办行政执法案件数\\s*${fixedCases}`).test(text),
      `the document states the accepted value ${fixedCases}`,
    );
  },
};
