import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../platform/clock/today';
import type { Ctx } from '../platform/context';
import type { Tx } from '../platform/db/pool';
import { appendAudit } from '../platform/audit/audit.service';
import { openFilingsForDemo, searchVector } from '../modules/normdocs';
import { normdocCommentPeriods, normdocEvents, normdocs } from '../modules/normdocs/normdocs.tables';

type DemoDoc = {
  org: string;
  kind: 'government' | 'department';
  title: string;
  status: 'in_force' | 'repealed' | 'drafting' | 'legality_review' | 'public_comment';
  number?: string;
  docNumber?: string;
  publishedOn?: string;
  effectiveOn?: string;
  validUntil?: string;
  endedOn?: string;
  basis: { name: string; article?: string }[];
  body: string;
  publicInterest?: boolean;
};

const clause = (topic: string) =>
  `第一条 为进一步规范${topic}，保护公民、法人和其他组织的合法权益，根据有关法律、法规和规章，结合本市实际，制定本办法。\n` +
  `第二条 本市行政区域内的${topic}活动，适用本办法。\n` +
  `第三条 市人民政府有关部门按照各自职责做好${topic}相关工作，不得违法增加公民、法人和其他组织的义务。\n` +
  `第四条 本办法自公布之日起施行，有效期五年。`;

/** Demo normative documents of 三门峡市 and 陕州区 (realistic titles; numbers follow the demo template). */
const DOCS: DemoDoc[] = [
  {
    org: '三门峡市人民政府',
    kind: 'government',
    title: '三门峡市人民政府关于进一步优化营商环境的若干措施',
    status: 'in_force',
    number: '三政规〔2025〕1号',
    docNumber: '三政〔2025〕8号',
    publishedOn: '2025-03-10',
    effectiveOn: '2025-04-01',
    validUntil: '2030-03-31',
    basis: [{ name: '优化营商环境条例', article: '第六十四条' }],
    body: clause('优化营商环境'),
  },
  {
    org: '三门峡市人民政府',
    kind: 'government',
    title: '三门峡市城市供水用水管理办法',
    status: 'in_force',
    number: '三政规〔2025〕2号',
    docNumber: '三政〔2025〕21号',
    publishedOn: '2025-06-16',
    effectiveOn: '2025-07-01',
    validUntil: '2030-06-30',
    basis: [{ name: '城市供水条例' }],
    body: clause('城市供水用水管理'),
  },
  {
    org: '三门峡市人民政府',
    kind: 'government',
    title: '三门峡市人民政府关于印发三门峡市行政规范性文件管理办法的通知',
    status: 'in_force',
    number: '三政规〔2026〕1号',
    docNumber: '三政〔2026〕5号',
    publishedOn: '2026-11-10',
    effectiveOn: '2026-11-10',
    validUntil: '2031-11-09',
    basis: [{ name: '河南省行政规范性文件管理办法', article: '第四条' }],
    body: clause('行政规范性文件管理'),
  },
  {
    org: '三门峡市市场监督管理局',
    kind: 'department',
    title: '三门峡市市场监督管理局关于规范食品小作坊登记管理的通知',
    status: 'in_force',
    number: '三市监规〔2026〕1号',
    publishedOn: '2026-11-03',
    effectiveOn: '2026-11-03',
    validUntil: '2028-11-02',
    basis: [{ name: '河南省食品小作坊、小经营店和小摊点管理条例', article: '第十条' }],
    body: clause('食品小作坊登记管理'),
  },
  {
    org: '三门峡市人民政府',
    kind: 'government',
    title: '三门峡市城市生活垃圾分类管理暂行办法',
    status: 'repealed',
    number: '三政规〔2020〕3号',
    publishedOn: '2020-05-20',
    effectiveOn: '2020-06-01',
    validUntil: '2022-05-31',
    endedOn: '2022-06-01',
    basis: [{ name: '中华人民共和国固体废物污染环境防治法', article: '第四十九条' }],
    body: clause('城市生活垃圾分类'),
  },
  {
    org: '三门峡市市场监督管理局',
    kind: 'department',
    title: '三门峡市市场监督管理局关于推行包容审慎监管的实施意见（征求意见稿）',
    status: 'public_comment',
    basis: [{ name: '中华人民共和国行政处罚法', article: '第三十三条' }],
    body: clause('包容审慎监管'),
    publicInterest: true,
  },
  {
    org: '三门峡市城市管理局',
    kind: 'department',
    title: '三门峡市城市管理局关于规范户外广告设置管理的通知',
    status: 'legality_review',
    basis: [{ name: '城市市容和环境卫生管理条例', article: '第十一条' }],
    body: clause('户外广告设置管理'),
  },
  {
    org: '三门峡市市场监督管理局',
    kind: 'department',
    title: '三门峡市市场监督管理局关于加强电动自行车质量监管的通知',
    status: 'drafting',
    basis: [],
    body: clause('电动自行车质量监管'),
  },
];

/** Loads the demo documents (called inside the demo seed's transaction). */
export async function seedDemoNormdocs(tx: Tx, ctx: Ctx): Promise<void> {
  const today = shanghaiToday(ctx.now());
  for (const d of DOCS) {
    const org = (
      await tx.execute<{ id: string; region_path: string }>(
        sql`select id, region_path from organisations where name = ${d.org}`,
      )
    ).rows[0];
    if (!org) continue;
    const issued = d.status === 'in_force' || d.status === 'repealed';
    const [row] = await tx
      .insert(normdocs)
      .values({
        orgId: org.id,
        regionPath: org.region_path,
        draftingOrgId: org.id,
        title: d.title,
        kind: d.kind,
        status: d.status,
        docNumber: d.docNumber ?? null,
        registrationNumber: d.number ?? null,
        registrationYear: d.number ? Number(d.publishedOn?.slice(0, 4)) : null,
        registeredOn: d.publishedOn ?? null,
        publishedOn: d.publishedOn ?? null,
        effectiveOn: d.effectiveOn ?? null,
        validUntil: d.validUntil ?? null,
        endedOn: d.endedOn ?? null,
        publishChannels: issued ? [{ channel: '政府网站', url: 'https://www.smx.gov.cn/' }] : [],
        legalBasis: d.basis,
        involvesPublicInterest: d.publicInterest ?? false,
        body: d.body,
        searchTsv: searchVector(d.title, '', d.body),
        imported: issued,
      })
      .returning();
    if (!row) continue;
    await tx.insert(normdocEvents).values({
      docId: row.id,
      action: issued ? 'import' : 'create',
      toStatus: d.status,
      actorName: '演示数据',
      note: '演示数据',
    });
    if (d.status === 'public_comment') {
      // An open period around today, so the portal shows a draft open for comment.
      const opens = new Date(`${today}T00:00:00Z`);
      opens.setUTCDate(opens.getUTCDate() - 5);
      const closes = new Date(opens);
      closes.setUTCDate(closes.getUTCDate() + 29);
      await tx.insert(normdocCommentPeriods).values({
        docId: row.id,
        opensOn: opens.toISOString().slice(0, 10),
        closesOn: closes.toISOString().slice(0, 10),
        days: 30,
        draftTitle: d.title,
        draftText: d.body,
      });
    }
    if (d.status === 'in_force' && d.publishedOn && d.publishedOn >= '2026-10-01') {
      await openFilingsForDemo(tx, ctx, row);
    }
    await appendAudit(tx, ctx, {
      action: 'normdoc.create',
      entityType: 'normdoc',
      entityId: row.id,
      before: null,
      after: { title: d.title, status: d.status },
      detail: { source: 'demo' },
    });
  }
}
