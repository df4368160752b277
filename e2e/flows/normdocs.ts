import type { Page } from 'playwright-core';
import { assert, type E2eEnv, type E2eTest } from '../harness';
import { chooseOption, dbOne, login, typeDate, uniqDigits, waitText } from './helpers';

const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysFrom = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The text input of an antd Input.Search (its test id may sit on the wrapper or on the input). */
const searchBox = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

/** Signs in as another demo account in the same tab. */
async function as(page: Page, env: E2eEnv, username: string) {
  await page.context().clearCookies();
  await login(page, env, username);
}

/** Clicks a lifecycle action button, lets `fill` complete its form, confirms and waits for the new status. */
async function act(page: Page, action: string, status: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId(`action-form-${action}`).waitFor();
  if (fill) await fill();
  const [res] = await Promise.all([
    page.waitForResponse((r) =>
      /\/api\/normdocs\/[^/]+\/(transitions|review-transitions|head-transitions)$/.test(r.url()),
    ),
    page.getByTestId('action-submit').click(),
  ]);
  assert(res.status() === 200, `${action}: HTTP ${res.status()} ${await res.text()}`);
  await waitText(page.getByTestId('normdoc-status'), status);
}

/**
 * 11. 规范性文件全流程: a 经办人 drafts a document concerning the public's vital interests, takes it through
 * 公开征求意见 (an ended period with its 采纳情况说明), 送审, the justice bureau's 合法性审核, the head's 集体审议
 * and 签发, 统一登记编号 and 公布; reports the 备案; the bureau finds it in its intake queue; the public finds it
 * in the 现行有效目录 and staff find it by a word of its body.
 */
export const normdocLifecycle: E2eTest = {
  name: '规范性文件：起草→征求意见→审核→审议→登记→公布→备案→公开目录与检索',
  run: async (page, env) => {
    const today = shanghaiToday();
    const token = uniqDigits(6);
    const title = `三门峡市市场监督管理局关于规范农贸市场计量器具管理的通知（${token}）`;
    const bodyWord = `计量校准${token}`;

    await as(page, env, 'smx.staff');
    await page.goto(`${env.baseUrl}/normdocs`);
    await page.getByTestId('normdoc-create').click();
    await page.getByTestId('normdoc-title-input').fill(title);
    await page.getByTestId('normdoc-kind-input').getByText('部门规范性文件').click();
    await page.getByTestId('normdoc-flag-public-interest').check();
    await page
      .getByTestId('normdoc-body-input')
      .fill(`第一条 农贸市场开办者应当定期组织${bodyWord}，保障公平交易。`);
    await page.getByTestId('normdoc-form-submit').click();
    await page.getByTestId('normdoc-page').waitFor();
    await waitText(page.getByTestId('normdoc-status'), '起草');
    const url = page.url();
    const docId = url.split('/').pop() as string;
    // The mandatory public comment blocks 送审 and says why.
    await waitText(page.getByTestId('blocker-submit'), '征求意见');

    await act(page, 'open_comment', '公开征求意见', async () => {
      await typeDate(page, 'action-opensOn', daysFrom(today, -40));
    });
    await act(page, 'close_comment', '起草', async () => {
      await page.getByTestId('action-adoptionExplanation').fill('征求意见期间未收到意见。');
    });
    await act(page, 'submit', '送审');

    await as(page, env, 'smx.reviewer');
    await page.goto(url);
    await act(page, 'accept_review', '合法性审核');
    await waitText(page.getByTestId('deadline-legality_review'), '合法性审核');
    await act(page, 'record_opinion', '审核通过待审议', async () => {
      await chooseOption(page, 'action-opinion', '修改后合法');
      await page.getByTestId('action-suggestionCount').fill('2');
      await page.getByTestId('action-opinionText').fill('建议明确计量器具检定周期。');
    });

    await as(page, env, 'smx.head');
    await page.goto(url);
    await act(page, 'deliberate', '审议通过', async () => {
      await page.getByTestId('action-meeting').fill('局务会议（2026年第30次）');
    });
    await act(page, 'sign', '已签发', async () => {
      await page.getByTestId('action-signedBy').fill('周局长');
    });

    await as(page, env, 'smx.reviewer');
    await page.goto(url);
    await act(page, 'register', '已登记编号');
    const number = await page.getByTestId('normdoc-registration-number').innerText();
    assert(/^三市监规〔\d{4}〕\d+号$/.test(number), `registration number ${number}`);

    await as(page, env, 'smx.staff');
    await page.goto(url);
    await act(page, 'publish', '现行有效');
    await page.getByTestId('timeline').waitFor();
    for (const step of ['公开征求意见', '合法性审核意见', '集体审议', '统一登记编号', '公布'])
      await waitText(page.getByTestId('timeline'), step);

    // 备案: one filing with the same-level government, reported from the document page.
    await page.getByRole('tab', { name: /备案/ }).click();
    await page.getByTestId('filings-panel').waitFor();
    await page.getByTestId('filing-submit').click();
    await page.getByTestId('filing-submit-form').waitFor();
    await page.getByTestId('filing-submit-form-submit').click();
    await waitText(page.getByTestId('filings-panel'), '已报送');
    const filing = await dbOne<{ status: string }>(
      env,
      `select r.status from normdoc_filing_reviews r join normdoc_filings f on f.id = r.filing_id where f.doc_id = $1`,
      [docId],
    );
    assert(filing?.status === 'received', `the justice bureau received the filing (${filing?.status})`);

    await as(page, env, 'smx.reviewer');
    await page.goto(`${env.baseUrl}/normdocs/filing-reviews`);
    await waitText(page.locator('body'), title);

    // The public catalogue, without signing in.
    await page.context().clearCookies();
    await page.goto(`${env.baseUrl}/portal/normdocs`);
    await searchBox(page, 'catalogue-search').fill(token);
    await searchBox(page, 'catalogue-search').press('Enter');
    await waitText(page.getByTestId('catalogue-row').first(), number);
    await page.getByTestId('catalogue-row').first().getByRole('link').first().click();
    await waitText(page.locator('body'), bodyWord);

    // Staff full-text search by a word of the body, highlighted.
    await as(page, env, 'smx.reviewer');
    await page.goto(`${env.baseUrl}/normdocs/search`);
    await searchBox(page, 'search-input').fill(bodyWord);
    await searchBox(page, 'search-input').press('Enter');
    await waitText(page.getByTestId('search-result').first(), title);
    const marked = await page.getByTestId('search-result').first().locator('mark').count();
    assert(marked > 0, 'the hit is highlighted');
  },
};

/** 12. 公众在门户网站对征求意见稿提交意见（验证题），经办人标注采纳情况. */
export const publicComment: E2eTest = {
  name: '规范性文件：公众提交意见，经办人标注采纳',
  run: async (page, env) => {
    await page.context().clearCookies();
    await page.goto(`${env.baseUrl}/portal`);
    await page.getByTestId('portal-entry-comments').click();
    await page
      .getByRole('link', { name: /包容审慎监管/ })
      .first()
      .click();
    await waitText(page.getByTestId('challenge-question'), '等于几');
    const question = await page.getByTestId('challenge-question').innerText();
    // The token opens the comment: the staff table may cut a long comment short.
    const token = `意见${uniqDigits(6)}`;
    const content = `${token}：建议对首次轻微违法明确免罚情形。`;
    await page.getByTestId('comment-content').fill(content);
    await page.getByTestId('challenge-answer').fill(solve(question));
    await page.getByTestId('comment-submit').click();
    await page.getByTestId('comment-result').waitFor();

    await as(page, env, 'smx.staff');
    const doc = await dbOne<{ id: string }>(env, `select id from normdocs where title like '%包容审慎监管%'`);
    assert(doc, 'demo draft exists');
    await page.goto(`${env.baseUrl}/normdocs/${doc.id}`);
    await page.getByRole('tab', { name: /征求意见/ }).click();
    await waitText(page.locator('body'), token);
  },
};

const DIGITS = '零一二三四五六七八九';
function chineseNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const [tens, ones] = s.includes('十') ? s.split('十') : ['', s];
  return (tens ? DIGITS.indexOf(tens) : s.includes('十') ? 1 : 0) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}
/** Answers the portal's arithmetic question (十二减五等于几？). */
function solve(question: string): string {
  const m = /([零一二三四五六七八九十\d]+)\s*(加|减|乘以?)\s*([零一二三四五六七八九十\d]+)/.exec(question);
  assert(m, `a question we can answer: ${question}`);
  const a = chineseNumber(m[1] as string);
  const b = chineseNumber(m[3] as string);
  return String(m[2] === '加' ? a + b : m[2] === '减' ? a - b : a * b);
}
