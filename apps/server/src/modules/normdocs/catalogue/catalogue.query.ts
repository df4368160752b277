import {
  NORMDOC_IN_FORCE,
  NORMDOC_ISSUED,
  type CatalogueDoc,
  type CatalogueItem,
  type CatalogueQuery,
  type NormdocKind,
  type NormdocStatus,
} from '@fazhi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { escapeLike } from '../../../platform/access/policy';
import type { DbOrTx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { toTsQuery } from '../normdocs.search-text';
import { TtlCache } from './ttl-cache';

// The public 现行有效规范性文件目录: in-force documents (published / in_force) with their full text.

/** Attachment kinds the public may download: the official text and the policy interpretation. */
export const PUBLIC_ATTACHMENT_KINDS = ['official_text', 'interpretation'] as const;

const inForceList = sql.raw(NORMDOC_IN_FORCE.map((s) => `'${s}'`).join(','));
const issuedList = sql.raw(NORMDOC_ISSUED.map((s) => `'${s}'`).join(','));

type ItemRow = {
  id: string;
  title: string;
  kind: string;
  status: string;
  org_id: string;
  org_name: string;
  region_path: string;
  doc_number: string | null;
  registration_number: string | null;
  published_on: string | null;
  effective_on: string | null;
  valid_until: string | null;
};

const regionCodeOf = (path: string) => path.split('/').filter(Boolean).at(-1) ?? '';

const toItem = (r: ItemRow): CatalogueItem => ({
  id: r.id,
  title: r.title,
  kind: r.kind as NormdocKind,
  status: r.status as NormdocStatus,
  org: { id: r.org_id, name: r.org_name },
  regionCode: regionCodeOf(r.region_path),
  docNumber: r.doc_number,
  registrationNumber: r.registration_number,
  publishedOn: r.published_on,
  effectiveOn: r.effective_on,
  validUntil: r.valid_until,
});

async function regionPathOf(db: DbOrTx, code: string): Promise<string | null> {
  const res = await db.execute<{ path: string }>(sql`select path from regions where code = ${code}`);
  return res.rows[0]?.path ?? null;
}

/** Filters on `normdocs` (unaliased) other than the status. */
async function filters(db: DbOrTx, q: Omit<CatalogueQuery, 'page' | 'pageSize'>): Promise<SQL[]> {
  const conds: SQL[] = [];
  if (q.orgId) conds.push(sql`normdocs.org_id = ${q.orgId}`);
  if (q.regionCode) {
    const path = await regionPathOf(db, q.regionCode);
    conds.push(path ? sql`normdocs.region_path like ${escapeLike(path) + '%'}` : sql`false`);
  }
  if (q.year) {
    conds.push(sql`normdocs.published_on >= ${`${q.year}-01-01`}::date`);
    conds.push(sql`normdocs.published_on < ${`${q.year + 1}-01-01`}::date`);
  }
  if (q.q) {
    const tsq = toTsQuery(q.q);
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      tsq
        ? sql`(normdocs.search_tsv @@ to_tsquery('simple', ${tsq}) or normdocs.title ilike ${like})`
        : sql`normdocs.title ilike ${like}`,
    );
  }
  return conds;
}

const counts = new TtlCache<number>(30_000);
const orgLists = new TtlCache<CatalogueOrg[]>(60_000, 10);

/**
 * One page of the catalogue, newest publication first. Each in-force status is read in publication order
 * from the (status, published_on) index and the two ordered streams are merged (Merge Append), so a page
 * never sorts the whole catalogue. The total is memoised for 30 s per filter (public data).
 */
export async function listCatalogue(db: DbOrTx, q: CatalogueQuery) {
  const { page, pageSize, ...rest } = q;
  const conds = await filters(db, rest);
  const extra = conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``;
  const offset = (page - 1) * pageSize;
  const n = offset + pageSize;
  const arm = (status: string) =>
    sql`(select normdocs.id, normdocs.published_on from normdocs where normdocs.status = ${status}${extra}
          order by normdocs.published_on desc, normdocs.id desc limit ${n})`;
  const pageSql = sql`
    select d.id, d.title, d.kind, d.status, d.org_id, o.name as org_name, d.region_path, d.doc_number,
           d.registration_number, d.published_on, d.effective_on, d.valid_until
      from (select id, published_on from (${sql.join(
        NORMDOC_IN_FORCE.map((s) => arm(s)),
        sql` union all `,
      )}) u order by published_on desc, id desc limit ${pageSize} offset ${offset}) p
      join normdocs d on d.id = p.id
      join organisations o on o.id = d.org_id
     order by p.published_on desc, p.id desc`;
  const countKey = JSON.stringify(rest);
  const [rows, total] = await Promise.all([
    db.execute<ItemRow>(pageSql),
    counts.get(countKey, async () => {
      const res = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from normdocs where normdocs.status in (${inForceList})${extra}`,
      );
      return Number(res.rows[0]?.n ?? 0);
    }),
  ]);
  return { items: rows.rows.map(toItem), total, page, pageSize };
}

export type CatalogueOrg = {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  docCount: number;
};

/** Organisations that have in-force documents (the catalogue's filter), memoised for a minute. */
export async function catalogueOrgs(db: DbOrTx): Promise<CatalogueOrg[]> {
  return orgLists.get('all', async () => {
    const res = await db.execute<{
      id: string;
      name: string;
      region_code: string;
      region_name: string;
      n: number;
    }>(sql`
      select o.id, o.name, o.region_code, r.name as region_name, c.n
        from (select org_id, count(*)::int as n from normdocs where status in (${inForceList}) group by org_id) c
        join organisations o on o.id = c.org_id
        join regions r on r.code = o.region_code
       order by o.region_path, o.name`);
    return res.rows.map((r) => ({
      id: r.id,
      name: r.name,
      regionCode: r.region_code,
      regionName: r.region_name,
      docCount: r.n,
    }));
  });
}

/** An issued document (in force or historically published); drafts and internal steps answer 404. */
export async function getCatalogueDoc(db: DbOrTx, id: string): Promise<CatalogueDoc> {
  const res = await db.execute<
    ItemRow & {
      ended_on: string | null;
      signed_by: string | null;
      signed_on: string | null;
      legal_basis: { name: string; article?: string }[];
      publish_channels: { channel: string; url?: string }[];
      summary: string;
      body: string;
      interpretation_title: string | null;
      interpretation_url: string | null;
      interpretation_published_on: string | null;
      interpretation_body: string | null;
      previous_version_id: string | null;
      version_no: number;
    }
  >(sql`
    select d.id, d.title, d.kind, d.status, d.org_id, o.name as org_name, d.region_path, d.doc_number,
           d.registration_number, d.published_on, d.effective_on, d.valid_until, d.ended_on, d.signed_by,
           d.signed_on, d.legal_basis, d.publish_channels, d.summary, d.body, d.interpretation_title,
           d.interpretation_url, d.interpretation_published_on, d.interpretation_body,
           d.previous_version_id, d.version_no
      from normdocs d join organisations o on o.id = d.org_id
     where d.id = ${id} and d.status in (${issuedList})`);
  const r = res.rows[0];
  if (!r) throw new AppError('NOT_FOUND');
  const [co, att] = await Promise.all([
    db.execute<{ id: string; name: string }>(sql`
      select o.id, o.name from normdoc_co_issuers c join organisations o on o.id = c.org_id
       where c.doc_id = ${id} order by o.name`),
    db.execute<{ id: string; kind: string; file_name: string; mime_type: string; size: number }>(sql`
      select id, kind, file_name, mime_type, size from normdoc_attachments
       where doc_id = ${id} and kind in ('official_text', 'interpretation') order by created_at, id`),
  ]);
  const previous =
    r.previous_version_id &&
    (
      await db.execute(
        sql`select 1 from normdocs where id = ${r.previous_version_id} and status in (${issuedList})`,
      )
    ).rows.length
      ? r.previous_version_id
      : null;
  return {
    ...toItem(r),
    coIssuers: co.rows,
    inForce: (NORMDOC_IN_FORCE as readonly string[]).includes(r.status),
    endedOn: r.ended_on,
    signedBy: r.signed_by,
    signedOn: r.signed_on,
    legalBasis: r.legal_basis ?? [],
    publishChannels: r.publish_channels ?? [],
    summary: r.summary,
    body: r.body,
    interpretation: r.interpretation_title
      ? {
          title: r.interpretation_title,
          url: r.interpretation_url,
          publishedOn: r.interpretation_published_on,
          body: r.interpretation_body ?? '',
        }
      : null,
    attachments: att.rows.map((a) => ({
      id: a.id,
      kind: a.kind as CatalogueDoc['attachments'][number]['kind'],
      fileName: a.file_name,
      mimeType: a.mime_type,
      size: a.size,
    })),
    previousVersionId: previous,
    versionNo: r.version_no,
  };
}

/** The bytes of a public attachment (official text or interpretation of an issued document). */
export async function publicAttachment(
  db: DbOrTx,
  docId: string,
  attachmentId: string,
): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  const res = await db.execute<{ file_name: string; mime_type: string; content: Buffer }>(sql`
    select a.file_name, a.mime_type, f.content
      from normdoc_attachments a
      join normdocs d on d.id = a.doc_id
      join stored_files f on f.id = a.file_id
     where a.id = ${attachmentId} and a.doc_id = ${docId}
       and a.kind in ('official_text', 'interpretation') and d.status in (${issuedList})`);
  const r = res.rows[0];
  if (!r) throw new AppError('NOT_FOUND');
  return { fileName: r.file_name, mimeType: r.mime_type, content: r.content };
}
