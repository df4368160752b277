/**
 * The 公文 subset of rich text used in report sections (GB/T 9704-2012: black text, one body font, no
 * colours, no tables in the body). Stored as restricted markup in `annual_report_sections.body`:
 *   - one paragraph per line (blank lines are ignored);
 *   - `**…**` marks a bold lead phrase (济源-style "深学笃行习近平法治思想。");
 *   - `{{indicator_code}}` is a figure placeholder bound to the indicator catalogue.
 * Anything else that looks like markup (HTML tags, Markdown headings/tables/links, colour or font codes) is
 * refused, so what the drafter sees is what the Word document holds.
 */
export type MarkupRun =
  { kind: 'text'; text: string; bold: boolean } | { kind: 'figure'; code: string; bold: boolean };
export type MarkupParagraph = { runs: MarkupRun[] };

export const PLACEHOLDER_RE = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;
export const MAX_SECTION_CHARS = 30000;

/** Problems of a section body, in Chinese (empty when valid). */
export function markupProblems(body: string): string[] {
  const out: string[] = [];
  if (body.length > MAX_SECTION_CHARS)
    out.push(`正文过长（${body.length}字），每节不超过${MAX_SECTION_CHARS}字`);
  const lines = body.split(/\r?\n/);
  lines.forEach((line, i) => {
    const at = `第${i + 1}段`;
    if (/<\/?[A-Za-z][^>]*>/.test(line))
      out.push(`${at}含有HTML标签；公文正文只允许文字、加粗的段首语和指标占位符`);
    if (/^\s*#{1,6}\s/.test(line))
      out.push(`${at}含有Markdown标题；各级标题由提纲给出，正文内用“一是”“1.”等文字序号`);
    if (/^\s*\|.*\|\s*$/.test(line)) out.push(`${at}含有表格；公文正文不使用表格，请改写为文字或附件`);
    if (/\[[^\]]*\]\([^)]*\)/.test(line)) out.push(`${at}含有链接；公文正文不使用超链接`);
    if (/\{(color|font|colour)[:=]/i.test(line)) out.push(`${at}含有颜色或字体设置；公文正文统一为黑色仿宋`);
    const stripped = line.replace(PLACEHOLDER_RE, '');
    if (stripped.includes('{{') || stripped.includes('}}'))
      out.push(`${at}的指标占位符格式不正确，应为 {{指标代码}}`);
    if ((line.match(/\*\*/g) ?? []).length % 2 !== 0) out.push(`${at}的加粗标记“**”未成对`);
  });
  return out;
}

/** The placeholder codes a body uses, in order of first appearance. */
export function placeholderCodes(body: string): string[] {
  const seen = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER_RE)) seen.add(m[1] as string);
  return [...seen];
}

/** Parses a (valid) body into paragraphs of runs. */
export function parseMarkup(body: string): MarkupParagraph[] {
  const paragraphs: MarkupParagraph[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const runs: MarkupRun[] = [];
    line.split('**').forEach((chunk, i) => {
      const bold = i % 2 === 1;
      let last = 0;
      for (const m of chunk.matchAll(PLACEHOLDER_RE)) {
        const idx = m.index ?? 0;
        if (idx > last) runs.push({ kind: 'text', text: chunk.slice(last, idx), bold });
        runs.push({ kind: 'figure', code: m[1] as string, bold });
        last = idx + m[0].length;
      }
      if (last < chunk.length) runs.push({ kind: 'text', text: chunk.slice(last), bold });
    });
    if (runs.length) paragraphs.push({ runs });
  }
  return paragraphs;
}
