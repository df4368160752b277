import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { sql, type SQL } from 'drizzle-orm';

/*
 * Chinese full-text search without a Chinese parser extension: jieba splits the text in Node, the tokens
 * are stored space-separated in a 'simple' tsvector (no stemming, no stop words). Queries are tokenised
 * the same way and ANDed; pg_trgm on the title covers substrings jieba splits differently.
 */
let jieba: Jieba | null = null;
function cutter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const PUNCT = /^[\s\p{P}\p{S}]+$/u;

/** Search-mode tokens (overlapping words: 三门峡市 → 三门, 三门峡, 三门峡市), lower-cased, punctuation dropped. */
export function tokenize(text: string): string[] {
  if (!text) return [];
  return cutter()
    .cutForSearch(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && !PUNCT.test(t));
}

/** Tokens joined for to_tsvector('simple', …); tsvector input is capped (1 MB), so long bodies are cut. */
export function tokenText(text: string, maxChars = 200_000): string {
  return tokenize(text.slice(0, maxChars)).join(' ');
}

/** The search_tsv value for a document: title weighted A, summary B, body C. */
export function searchVector(title: string, summary: string, body: string): SQL {
  return sql`setweight(to_tsvector('simple', ${tokenText(title)}), 'A') || setweight(to_tsvector('simple', ${tokenText(summary)}), 'B') || setweight(to_tsvector('simple', ${tokenText(body)}), 'C')`;
}

/**
 * A tsquery string for the user's words: each jieba word of the query must match (AND). Only the
 * precise-mode cut is used, so 营商环境 requires 营商 & 环境 rather than every overlapping sub-word.
 * Returns null when nothing searchable is left.
 */
export function toTsQuery(q: string): string | null {
  const words = cutter()
    .cut(q, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && !PUNCT.test(t))
    .map((t) => t.replace(/['\\:&|!()<>*]/g, ''))
    .filter((t) => t.length > 0);
  if (words.length === 0) return null;
  return [...new Set(words)].map((w) => `'${w}'`).join(' & ');
}
