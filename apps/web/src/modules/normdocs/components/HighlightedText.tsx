import { Fragment, type ReactNode } from 'react';

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/**
 * Renders a search highlight from the server (escaped text with `<mark>…</mark>` around hits) as React
 * nodes: only <mark> becomes an element, every other character is text — no HTML is ever injected.
 */
export function HighlightedText({ html }: { html: string }) {
  const parts: ReactNode[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  let i = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) parts.push(<Fragment key={i++}>{unescape(html.slice(last, m.index))}</Fragment>);
    parts.push(<mark key={i++}>{unescape(m[1] ?? '')}</mark>);
    last = m.index + m[0].length;
  }
  if (last < html.length) parts.push(<Fragment key={i++}>{unescape(html.slice(last))}</Fragment>);
  return <>{parts}</>;
}
