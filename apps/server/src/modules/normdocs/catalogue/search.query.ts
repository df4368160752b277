import {
  NORMDOC_SEARCH_TOTAL_CAP,
  type NormdocSearchHit,
  type NormdocSearchQuery,
  type NormdocStatus,
} from '@fazhi/contracts';
import { sql, type SQL } from 'drizzle-orm';
import { escapeLike, requirePermission, scopeFor } from '../../../platform/access/policy';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { docScopeWhere } from '../normdocs.policy';
import { toTsQuery } from '../normdocs.search-text';
import { markAll, snippet, termsOfTsQuery } from './highlight';
import { TtlCache } from './ttl-cache';

/** Capped totals per scope + query, 10 s (a document write elsewhere shows in a total within that time). */
const searchCounts = new TtlCache<number>(10_000, 5000);

/*
 * Staff search over every document in the caller's scope (all statuses): jieba words in the `simple`
 * tsvector (GIN normdocs_search_idx) OR a title substring through pg_trgm (GIN normdocs_title_trgm_idx) for
 * fragments jieba splits differently. PostgreSQL combines both indexes in a BitmapOr. A title substring
 * match ranks above any body match; then ts_rank (title words weigh A, summary B, body C).
 *
 * Cost at 100,000 documents (bench/RESULTS.md): ts_rank must decompress each match's tsvector from TOAST, so
 * only a window is ranked: the newest RANK_WINDOW title hits and the newest RANK_WINDOW word hits (see
 * searchRows), title hits first. For a common word, page 1 thus shows the most relevant of the newest few
 * hundred matches; rarer words (fewer matches than the window) are ranked in full. The capped total is
 * memoised briefly per scope and query (like the 期限台账 count).
 *
 * GIN_ONLY (the count only): without an ORDER BY the planner, for a word found in most documents, prefers the
 * region-path index and tests `search_tsv @@ q` row by row, decompressing every tsvector of the region
 * (400–850 ms at 100,000 documents; its cost model does not see TOAST). The count's region condition is
 * therefore made unindexable and sequential scans are disabled for it (SET LOCAL in its own transaction).
 */
const RANK_WINDOW = 200;

type HitRow = {
  id: string;
  title: string;
  status: string;
  org_id: string;
  org_name: string;
  doc_number: string | null;
  registration_number: string | null;
  published_on: string | null;
  updated_at: Date;
  summary: string;
  body: string;
  rank: number;
};

function searchWhere(ctx: Ctx, q: Omit<NormdocSearchQuery, 'page' | 'pageSize'>) {
  requirePermission(ctx.actor, 'normdoc.read');
  const tsq = toTsQuery(q.q);
  const like = `%${escapeLike(q.q)}%`;
  const scope = scopeFor(ctx.actor, 'normdoc.read');
  // Filters shared by every statement; the scope is added per statement (indexable or not, see GIN_ONLY).
  const filters: SQL[] = [];
  if (q.orgId) filters.push(sql`normdocs.org_id = ${q.orgId}`);
  if (q.status) filters.push(sql`normdocs.status = ${q.status}`);
  if (q.year) {
    // The year of publication, or of creation for a document not yet published.
    filters.push(
      sql`coalesce(normdocs.published_on, (normdocs.created_at at time zone 'Asia/Shanghai')::date) between ${`${q.year}-01-01`}::date and ${`${q.year}-12-31`}::date`,
    );
  }
  const match = tsq
    ? // The title test first: a trigram hit is rechecked, and OR stops before decompressing the tsvector.
      sql`(normdocs.title ilike ${like} or normdocs.search_tsv @@ to_tsquery('simple', ${tsq}))`
    : sql`normdocs.title ilike ${like}`;
  // The count: one statement, region scope unindexable (GIN_ONLY).
  const countScope =
    scope.kind === 'region'
      ? sql`(normdocs.region_path || '') like ${escapeLike(scope.pathPrefix) + '%'}`
      : docScopeWhere(scope);
  const where = sql.join([countScope, match, ...filters], sql` and `);
  // The page window: the scope indexable, each way of matching its own date-ordered branch.
  const base = sql.join([docScopeWhere(scope), ...filters], sql` and `);
  const rank = tsq
    ? sql`ts_rank(normdocs.search_tsv, to_tsquery('simple', ${tsq})) + case when normdocs.title ilike ${like} then 1 else 0 end`
    : sql`1::real`;
  // The raw query is a term too: a substring found through pg_trgm is highlighted as typed.
  const terms = [...new Set([...termsOfTsQuery(tsq), q.q.trim()])];
  return { where, base, tsq, rank, terms, like };
}

type Parts = ReturnType<typeof searchWhere>;

/** Runs `fn` in a read transaction with sequential scans disabled (GIN_ONLY above). */
function ginOnly<T>(ctx: Ctx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return fn(tx);
  });
}

/*
 * The window: title hits (pg_trgm) and word hits (GIN), each the newest RANK_WINDOW of its kind, merged with
 * title hits first. Each branch is date-ordered with a LIMIT, so for a common word the planner walks
 * normdocs_published_idx and stops after a few hundred rows (157 ms → 13 ms at 100,000 documents); for a
 * rare word it takes the GIN bitmap and sorts the few matches.
 */
async function searchRows(ctx: Ctx, p: Parts, limit: number, offset: number) {
  const window = Math.max(RANK_WINDOW, offset + limit);
  const byDate = sql`order by normdocs.published_on desc nulls last, normdocs.id limit ${window}`;
  const wordBranch = p.tsq
    ? sql`union all
        (select normdocs.id, normdocs.published_on, false as title_hit from normdocs
          where ${p.base} and normdocs.search_tsv @@ to_tsquery('simple', ${p.tsq}) ${byDate})`
    : sql``;
  const res = await ctx.db.execute<HitRow>(sql`
    with w as (
      (select normdocs.id, normdocs.published_on, true as title_hit from normdocs
        where ${p.base} and normdocs.title ilike ${p.like} ${byDate})
      ${wordBranch}
    ), firsts as (
      select id, bool_or(title_hit) as title_hit, max(published_on) as published_on from w group by id
       order by 2 desc, 3 desc nulls last, id limit ${window}
    ), ranked as (
      select normdocs.id, (${p.rank})::float8 as rank, normdocs.published_on
        from firsts join normdocs on normdocs.id = firsts.id
       order by 2 desc, normdocs.published_on desc nulls last, normdocs.id
       limit ${limit} offset ${offset}
    )
    select d.id, d.title, d.status, d.org_id, o.name as org_name, d.doc_number, d.registration_number,
           d.published_on, d.updated_at, d.summary, left(d.body, 50000) as body, r.rank
      from ranked r
      join normdocs d on d.id = r.id
      join organisations o on o.id = d.org_id
     order by r.rank desc, r.published_on desc nulls last, r.id`);
  return res.rows;
}

function toHit(r: HitRow, terms: string[]): NormdocSearchHit {
  const bodyText = r.body || r.summary;
  return {
    id: r.id,
    title: r.title,
    status: r.status as NormdocStatus,
    org: { id: r.org_id, name: r.org_name },
    docNumber: r.doc_number,
    registrationNumber: r.registration_number,
    publishedOn: r.published_on,
    updatedAt: new Date(r.updated_at).toISOString(),
    titleHtml: markAll(r.title, terms),
    snippetHtml: snippet(bodyText, terms, 120),
    rank: Math.round(Number(r.rank) * 10000) / 10000,
  };
}

export async function searchNormdocs(ctx: Ctx, q: NormdocSearchQuery) {
  const { page, pageSize, ...rest } = q;
  const parts = searchWhere(ctx, rest);
  const { where, terms } = parts;
  const countKey = JSON.stringify({ scope: scopeFor(ctx.actor as Actor, 'normdoc.read'), ...rest });
  const [rows, n] = await Promise.all([
    searchRows(ctx, parts, pageSize, (page - 1) * pageSize),
    searchCounts.get(countKey, async () => {
      const res = await ginOnly(ctx, (tx) =>
        tx.execute<{ n: number }>(
          sql`select count(*)::int as n from (select 1 from normdocs where ${where} limit ${NORMDOC_SEARCH_TOTAL_CAP + 1}) x`,
        ),
      );
      return Number(res.rows[0]?.n ?? 0);
    }),
  ]);
  return {
    items: rows.map((r) => toHit(r, terms)),
    total: Math.min(n, NORMDOC_SEARCH_TOTAL_CAP),
    totalCapped: n > NORMDOC_SEARCH_TOTAL_CAP,
    page,
    pageSize,
    terms,
  };
}

/** Export: the best-ranked results (at most 5,000), in batches of 1,000. */
export function searchBatchesForExport(ctx: Ctx, q: NormdocSearchQuery): AsyncIterable<NormdocSearchHit[]> {
  const { page: _p, pageSize: _s, ...rest } = q;
  const parts = searchWhere(ctx, rest);
  return (async function* () {
    for (let offset = 0; offset < 5000; offset += 1000) {
      const rows = await searchRows(ctx, parts, 1000, offset);
      if (rows.length) yield rows.map((r) => toHit(r, parts.terms));
      if (rows.length < 1000) return;
    }
  })();
}
