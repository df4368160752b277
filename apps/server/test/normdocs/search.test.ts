import type { NormdocSearchHit } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeOrg, makeRegion, makeUser, startTestEnv, type Client, type TestEnv } from '../harness';
import { insertDoc, type DocRow } from './fixtures';

type Page = { items: NormdocSearchHit[]; total: number; totalCapped: boolean; terms: string[] };

let env: TestEnv;
let cityReviewer: Client;
let staffA: Client;
let staffB: Client;
let siblingReviewer: Client;
let bodyDoc: DocRow;
let titleDoc: DocRow;
let draftB: DocRow;
let otherCountyDraft: DocRow;

/*
 * province ─ city ─┬─ county:  orgA (staffA), orgB (staffB)
 *                  └─ sibling: orgS (draft), bureau (siblingReviewer)
 * city bureau: cityReviewer (region tree)
 */
beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const county = await makeRegion(env, city);
  const sibling = await makeRegion(env, city);
  const orgA = await makeOrg(env, county);
  const orgB = await makeOrg(env, county);
  const orgS = await makeOrg(env, sibling);
  const cityBureau = await makeOrg(env, city, { type: 'justice_bureau' });
  const siblingBureau = await makeOrg(env, sibling, { type: 'justice_bureau' });
  cityReviewer = await login(env, (await makeUser(env, cityBureau, ['reviewer'])).username);
  siblingReviewer = await login(env, (await makeUser(env, siblingBureau, ['reviewer'])).username);
  staffA = await login(env, (await makeUser(env, orgA, ['staff'])).username);
  staffB = await login(env, (await makeUser(env, orgB, ['staff'])).username);

  bodyDoc = await insertDoc(env, orgA, {
    title: '关于加强城市供水管理的通知',
    body: '为进一步优化营商环境，保障城市供水安全，根据《城市供水条例》，结合本市实际，制定本通知。<script>alert(1)</script>',
  });
  titleDoc = await insertDoc(env, orgA, {
    title: '三门峡市人民政府关于进一步优化营商环境的若干措施',
    body: '各县（市、区）人民政府，市人民政府各部门：现将有关措施印发给你们，请认真贯彻执行。',
  });
  draftB = await insertDoc(env, orgB, {
    status: 'drafting',
    title: '关于规范农村集体经济组织财务管理的办法（草案）',
    body: '农村集体经济组织应当建立健全财务管理制度，优化营商环境。',
  });
  otherCountyDraft = await insertDoc(env, orgS, {
    status: 'drafting',
    title: '关于优化营商环境专项整治的实施方案（征求意见稿）',
    body: '优化营商环境是一项系统工程。',
  });
});
afterAll(() => env.close());

const search = (c: Client, q: string, extra = '') =>
  c.get<Page>(`/api/normdocs/search?q=${encodeURIComponent(q)}${extra}`);
const ids = (p: { body: Page }) => p.body.items.map((h) => h.id);

describe('normative-document search', () => {
  it('finds a document by a word of its body and highlights it', async () => {
    const res = await search(cityReviewer, '供水安全');
    expect(res.status).toBe(200);
    expect(ids(res)).toContain(bodyDoc.id);
    const hit = res.body.items.find((h) => h.id === bodyDoc.id) as NormdocSearchHit;
    // The typed phrase is marked whole where it occurs, its words wherever they occur alone.
    expect(hit.snippetHtml).toContain('保障城市<mark>供水安全</mark>');
    expect(hit.snippetHtml).toContain('《城市<mark>供水</mark>条例》');
    // Everything but <mark> is escaped.
    expect(hit.snippetHtml).not.toContain('<script>');
    expect(hit.snippetHtml).toContain('&lt;script&gt;');
  });

  it('finds a document by a title fragment jieba does not produce as a word (pg_trgm)', async () => {
    // 「峡市人」 straddles 三门峡市 | 人民政府: no token of the tsvector, but a title substring.
    const res = await search(cityReviewer, '峡市人');
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([titleDoc.id]);
    expect(res.body.items[0]?.titleHtml).toBe(
      '三门<mark>峡市人</mark>民政府关于进一步优化营商环境的若干措施',
    );
  });

  it('ranks a title match above a body-only match', async () => {
    const res = await search(cityReviewer, '优化营商环境');
    // Two titles contain the phrase; the two documents that have it only in the body follow.
    expect(ids(res).slice(0, 2).sort()).toEqual([titleDoc.id, otherCountyDraft.id].sort());
    expect(ids(res).slice(2).sort()).toEqual([bodyDoc.id, draftB.id].sort());
    expect(res.body.items[0]?.titleHtml).toContain('<mark>优化营商环境</mark>');
  });

  it('respects the scope: another county’s and another organisation’s drafts never appear', async () => {
    const city = await search(cityReviewer, '营商环境');
    expect(ids(city)).toEqual(
      expect.arrayContaining([bodyDoc.id, titleDoc.id, draftB.id, otherCountyDraft.id]),
    );
    const a = await search(staffA, '营商环境');
    expect(ids(a).sort()).toEqual([bodyDoc.id, titleDoc.id].sort());
    const b = await search(staffB, '营商环境');
    expect(ids(b)).toEqual([draftB.id]);
    const sib = await search(siblingReviewer, '营商环境');
    expect(ids(sib)).toEqual([otherCountyDraft.id]);
  });

  it('filters by status, organisation and year', async () => {
    const drafts = await search(cityReviewer, '营商环境', '&status=drafting');
    expect(ids(drafts).sort()).toEqual([draftB.id, otherCountyDraft.id].sort());
    const y = await search(cityReviewer, '营商环境', '&year=2025');
    expect(ids(y).sort()).toEqual([bodyDoc.id, titleDoc.id].sort());
    const org = await search(cityReviewer, '营商环境', `&orgId=${draftB.orgId}`);
    expect(ids(org)).toEqual([draftB.id]);
  });

  it('rejects an empty query with a Chinese message and exports the results', async () => {
    const bad = await cityReviewer.get<{ code: string; message: string }>('/api/normdocs/search?q=');
    expect(bad.status).toBe(400);
    const x = await cityReviewer.get(`/api/normdocs/search/export.xlsx?q=${encodeURIComponent('营商环境')}`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    expect(x.raw.byteLength).toBeGreaterThan(1000);
  });
});
