/*
 * Report text → paragraphs, sections and sentences. Published reports come as clean text or as PDF
 * extractions with stray spaces and line breaks inside sentences; the text is normalised (spaces between
 * Chinese characters removed, full-width spaces dropped) while keeping a map back to the original offsets,
 * so every sentence handed to a person is an exact substring of what they pasted.
 */

export type NormalisedText = {
  /** The normalised text: paragraphs separated by '\n'. */
  text: string;
  /** For each character of `text`, its offset in the original. */
  map: number[];
};

const isAsciiAlnum = (c: string | undefined) => c !== undefined && /[0-9A-Za-z]/.test(c);

/** Removes intra-line whitespace (except between two ASCII letters/digits) and keeps line breaks. */
export function normaliseReportText(original: string): NormalisedText {
  const out: string[] = [];
  const map: number[] = [];
  const n = original.length;
  let i = 0;
  while (i < n) {
    const c = original[i]!;
    if (c === '\r') {
      i++;
      continue;
    }
    if (c === '\n') {
      if (out.length > 0 && out[out.length - 1] !== '\n') {
        out.push('\n');
        map.push(i);
      }
      i++;
      continue;
    }
    if (/\s/.test(c) || c === '\u3000' || c === '\u00a0') {
      // A run of spaces: keep one only between two ASCII alphanumerics ('ISO 9001').
      let j = i;
      while (j < n && original[j] !== '\n' && (/\s/.test(original[j]!) || original[j] === '\u3000')) j++;
      const prev = out[out.length - 1];
      const next = original[j];
      if (isAsciiAlnum(prev) && isAsciiAlnum(next)) {
        out.push(' ');
        map.push(i);
      }
      i = j;
      continue;
    }
    out.push(c);
    map.push(i);
    i++;
  }
  while (out.length > 0 && out[out.length - 1] === '\n') {
    out.pop();
    map.pop();
  }
  return { text: out.join(''), map };
}

/** The original substring behind normalised [start, end). */
export function originalSlice(original: string, norm: NormalisedText, start: number, end: number): string {
  if (end <= start) return '';
  return original.slice(norm.map[start]!, norm.map[end - 1]! + 1);
}

export type Paragraph = {
  start: number;
  end: number;
  /** Heading path that applies to this paragraph's body (top numbered heading first). */
  section: string[];
  /** Offset where the body starts (after an inline heading such as '（一）压实责任。'). */
  bodyStart: number;
  isHeading: boolean;
};

const CN_NUM = '一二三四五六七八九十';
const LEVEL1 = new RegExp(`^[${CN_NUM}]+[、.．]`);
const LEVEL2 = new RegExp(`^[（(][${CN_NUM}]+[）)]`);

/**
 * Splits into paragraphs and tracks the heading path: 一、… (level 1), （一）… (level 2, often inline:
 * '（一）压实责任。正文…'), and a short bold-style lead sentence opening a paragraph ('深学笃行习近平法治思想。')
 * when the report has no （一） headings under the level-1 heading.
 */
export function paragraphs(norm: NormalisedText): Paragraph[] {
  const text = norm.text;
  const result: Paragraph[] = [];
  let level1: string | null = null;
  let level2: string | null = null;
  let pos = 0;
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    if (line.length > 0) {
      let bodyStart = pos;
      let isHeading = false;
      const firstStop = line.search(/[。；;]/);
      if (LEVEL1.test(line) && (firstStop < 0 || firstStop > line.length - 2) && line.length <= 60) {
        level1 = line.replace(/[。；;]$/, '');
        level2 = null;
        isHeading = true;
        bodyStart = end;
      } else if (LEVEL2.test(line)) {
        const head = firstStop < 0 ? line : line.slice(0, firstStop);
        level2 = head;
        bodyStart = firstStop < 0 ? end : pos + firstStop + 1;
        isHeading = firstStop < 0 || firstStop >= line.length - 1;
      } else if (
        firstStop > 0 &&
        firstStop <= 20 &&
        line.length > firstStop + 20 &&
        line[firstStop] === '。'
      ) {
        const lead = line.slice(0, firstStop);
        // A lead phrase has no numbers and no clause punctuation: '提升政务服务水平。'
        if (!/[0-9，,、：:]/.test(lead)) {
          level2 = lead;
          bodyStart = pos + firstStop + 1;
        }
      }
      result.push({
        start: pos,
        end,
        section: [level1, level2].filter((s): s is string => !!s),
        bodyStart,
        isHeading,
      });
    }
    pos = end + 1;
  }
  return result;
}

export type Sentence = { start: number; end: number; paragraph: Paragraph };

/** Sentences of a paragraph: split after 。！？；; (the terminator belongs to the sentence). */
export function sentencesOf(text: string, p: Paragraph): Sentence[] {
  const out: Sentence[] = [];
  let s = p.start;
  for (let i = p.start; i < p.end; i++) {
    if ('。！？；;!?'.includes(text[i]!)) {
      if (i + 1 > s) out.push({ start: s, end: i + 1, paragraph: p });
      s = i + 1;
    }
  }
  if (p.end > s) out.push({ start: s, end: p.end, paragraph: p });
  return out;
}
