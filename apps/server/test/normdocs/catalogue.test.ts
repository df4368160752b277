import { createHash } from 'node:crypto';
import type { CatalogueDoc, CatalogueItem } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normdocAttachments, normdocCoIssuers } from '../../src/modules/normdocs/normdocs.tables';
import { storedFiles } from '../../src/platform/db/schema';
import { Client, makeOrg, makeRegion, startTestEnv, type TestEnv, type TestOrg } from '../harness';
import { insertDoc, type DocRow } from './fixtures';

type Page = { items: CatalogueItem[]; total: number; page: number; pageSize: number };

let env: TestEnv;
let anon: Client;
let orgA: TestOrg;
let orgB: TestOrg;
let countyCode: string;
let inForce: DocRow;
let published: DocRow;
let older: DocRow;
let repealed: DocRow;
let draft: DocRow;
let siblingDoc: DocRow;
let officialId: string;
let draftingNoteId: string;

async function attach(doc: DocRow, kind: string, fileName: string, text: string): Promise<string> {
  const content = Buffer.from(text, 'utf8');
  const sha256 = createHash('sha256').update(content).digest('hex');
  const [file] = await env.database.db
    .insert(storedFiles)
    .values({ fileName, mimeType: 'application/pdf', size: content.length, sha256, content })
    .returning();
  const [a] = await env.database.db
    .insert(normdocAttachments)
    .values({
      docId: doc.id,
      kind,
      fileId: file?.id as string,
      fileName,
      mimeType: 'application/pdf',
      size: content.length,
      sha256,
    })
    .returning();
  return a?.id as string;
}

beforeAll(async () => {
  env = await startTestEnv();
  anon = new Client(env.baseUrl);
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const county = await makeRegion(env, city);
  const sibling = await makeRegion(env, city);
  countyCode = county.code;
  orgA = await makeOrg(env, county);
  orgB = await makeOrg(env, sibling);
  inForce = await insertDoc(env, orgA, {
    title: '关于规范行政事业性收费管理的通知',
    publishedOn: '2025-05-10',
    legalBasis: [{ name: '中华人民共和国价格法', article: '第四十七条' }],
    interpretationTitle: '《关于规范行政事业性收费管理的通知》政策解读',
    interpretationPublishedOn: '2025-05-12',
    interpretationBody: '一、制定背景……',
  });
  published = await insertDoc(env, orgA, { status: 'published', publishedOn: '2025-06-01' });
  older = await insertDoc(env, orgA, { publishedOn: '2024-02-01', registrationYear: 2024 });
  repealed = await insertDoc(env, orgA, {
    status: 'repealed',
    publishedOn: '2023-01-01',
    endedOn: '2025-01-01',
  });
  draft = await insertDoc(env, orgA, {
    status: 'drafting',
    title: '关于规范行政事业性收费管理的通知（草稿）',
  });
  siblingDoc = await insertDoc(env, orgB, { publishedOn: '2025-03-15' });
  await env.database.db.insert(normdocCoIssuers).values({ docId: inForce.id, orgId: orgB.id });
  officialId = await attach(inForce, 'official_text', '正式文本.pdf', '%PDF-1.4 official');
  draftingNoteId = await attach(inForce, 'drafting_note', '起草说明.pdf', '%PDF-1.4 internal');
});
afterAll(() => env.close());

const ids = (p: { body: Page }) => p.body.items.map((i) => i.id);

describe('public catalogue of in-force documents (现行有效目录)', () => {
  it('lists only published / in-force documents, newest publication first, without login', async () => {
    const res = await anon.get<Page>(`/api/public/normdocs?regionCode=${countyCode}`);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([published.id, inForce.id, older.id]);
    expect(res.body.total).toBe(3);
    expect(ids(res)).not.toContain(draft.id);
    expect(ids(res)).not.toContain(repealed.id);
  });

  it('filters by organisation, region subtree, year and words', async () => {
    const byOrg = await anon.get<Page>(`/api/public/normdocs?orgId=${orgB.id}`);
    expect(ids(byOrg)).toEqual([siblingDoc.id]);
    const year = await anon.get<Page>(`/api/public/normdocs?regionCode=${countyCode}&year=2024`);
    expect(ids(year)).toEqual([older.id]);
    const q = await anon.get<Page>(`/api/public/normdocs?q=${encodeURIComponent('行政事业性收费')}`);
    expect(ids(q)).toEqual([inForce.id]);
    const paged = await anon.get<Page>(`/api/public/normdocs?regionCode=${countyCode}&page=2&pageSize=2`);
    expect(ids(paged)).toEqual([older.id]);
  });

  it('shows the full text with issuers, basis, interpretation and public attachments only', async () => {
    const res = await anon.get<CatalogueDoc>(`/api/public/normdocs/${inForce.id}`);
    expect(res.status).toBe(200);
    expect(res.body.inForce).toBe(true);
    expect(res.body.body).toBe(inForce.body);
    expect(res.body.registrationNumber).toBe(inForce.registrationNumber);
    expect(res.body.coIssuers.map((c) => c.id)).toEqual([orgB.id]);
    expect(res.body.legalBasis[0]?.name).toBe('中华人民共和国价格法');
    expect(res.body.interpretation?.title).toContain('政策解读');
    expect(res.body.attachments.map((a) => a.id)).toEqual([officialId]);
  });

  it('shows a repealed document as no longer in force; a draft is 404', async () => {
    const old = await anon.get<CatalogueDoc>(`/api/public/normdocs/${repealed.id}`);
    expect(old.status).toBe(200);
    expect(old.body.inForce).toBe(false);
    expect((await anon.get(`/api/public/normdocs/${draft.id}`)).status).toBe(404);
    expect((await anon.get('/api/public/normdocs/not-a-uuid')).status).toBe(400);
  });

  it('downloads the official text; internal attachments and drafts are 404', async () => {
    const ok = await anon.get(`/api/public/normdocs/${inForce.id}/attachments/${officialId}`);
    expect(ok.status).toBe(200);
    expect(Buffer.from(ok.raw).toString('utf8')).toBe('%PDF-1.4 official');
    expect(ok.headers.get('content-disposition')).toContain(encodeURIComponent('正式文本.pdf'));
    const internal = await anon.get(`/api/public/normdocs/${inForce.id}/attachments/${draftingNoteId}`);
    expect(internal.status).toBe(404);
    const wrongDoc = await anon.get(`/api/public/normdocs/${draft.id}/attachments/${officialId}`);
    expect(wrongDoc.status).toBe(404);
  });

  it('lists the organisations that have in-force documents', async () => {
    const res = await anon.get<{ items: { id: string; docCount: number }[] }>('/api/public/normdoc-orgs');
    expect(res.status).toBe(200);
    const a = res.body.items.find((o) => o.id === orgA.id);
    expect(a?.docCount).toBe(3);
    expect(res.body.items.find((o) => o.id === orgB.id)?.docCount).toBe(1);
  });
});
