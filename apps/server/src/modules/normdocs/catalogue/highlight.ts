/*
 * Highlighting of search hits, built in Node: PostgreSQL's ts_headline does not know jieba's Chinese words.
 * Everything is HTML-escaped except the <mark>…</mark> wrapped around each occurrence of a query term.
 */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c] as string);

/** The words of a tsquery built by toTsQuery ("'营商' & '环境'"). */
export function termsOfTsQuery(tsq: string | null): string[] {
  if (!tsq) return [];
  return [...tsq.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
}

type Span = { start: number; end: number };

/** Non-overlapping occurrences of any term (longest first at each position), case-insensitive. */
export function findHits(text: string, terms: readonly string[]): Span[] {
  const hay = text.toLowerCase();
  const sorted = [...new Set(terms.map((t) => t.toLowerCase()).filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  const spans: Span[] = [];
  for (const t of sorted) {
    let from = 0;
    for (;;) {
      const i = hay.indexOf(t, from);
      if (i < 0) break;
      const s = { start: i, end: i + t.length };
      if (!spans.some((x) => x.start < s.end && s.start < x.end)) spans.push(s);
      from = i + t.length;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** `text` escaped, with every hit wrapped in <mark>. */
export function markAll(text: string, terms: readonly string[]): string {
  return markRange(text, 0, text.length, findHits(text, terms));
}

function markRange(text: string, start: number, end: number, hits: Span[]): string {
  let out = '';
  let pos = start;
  for (const h of hits) {
    if (h.end <= start || h.start >= end) continue;
    const s = Math.max(h.start, pos);
    const e = Math.min(h.end, end);
    out += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return out + escapeHtml(text.slice(pos, end));
}

/**
 * About `width` characters of `text` around the first hit (the beginning when nothing matches), with
 * ellipses where it was cut, whitespace collapsed.
 */
export function snippet(text: string, terms: readonly string[], width = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  const hits = findHits(flat, terms);
  const first = hits[0];
  let start = 0;
  if (first) start = Math.max(0, Math.min(first.start - Math.floor(width / 3), flat.length - width));
  const end = Math.min(flat.length, start + width);
  return (start > 0 ? '…' : '') + markRange(flat, start, end, hits) + (end < flat.length ? '…' : '');
}
