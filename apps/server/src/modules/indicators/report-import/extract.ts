import { findNumbers, type NumberMention } from './numbers';
import { normaliseReportText, originalSlice, paragraphs, sentencesOf, type Sentence } from './report-text';
import { INDICATOR_KEYWORDS } from './indicator-keywords';

/*
 * Figure extraction from the text of a published 法治政府建设 report (issue 4 §6): every stated figure is
 * proposed as a value of a catalogue indicator, with the sentence it came from, for a person to confirm.
 *
 * Mapping is learned from the catalogue, not from any answer key: each indicator is described by the
 * character bigrams of its name (and of the synonyms/keywords in indicator-keywords.ts), weighted by how
 * rare they are across the catalogue (IDF). A number's context is scored against every indicator —
 * the words right before it weigh most, then the words after its unit, the rest of the clause and
 * sentence, and the section heading — with the unit's compatibility as a factor. Within one report each
 * indicator is proposed once and each number once (greedy, best score first), which settles near-synonyms
 * (审结 vs 受理) by their context.
 */

export type CatalogueEntry = {
  code: string;
  name: string;
  unit: string;
  /** Extra words (synonyms); merged with indicator-keywords.ts. */
  keywords?: string[];
};

export type Proposal = {
  indicatorCode: string;
  name: string;
  /** Value in the base unit: 16.23万件 → 162300. */
  value: number;
  /** Base unit ('件', '元', '%'); for numerals without a unit (十大) the indicator's unit. */
  unit: string;
  /** As written: '16.23万件'. */
  written: string;
  unitWritten: string | null;
  approx: boolean;
  /** The sentence, an exact substring of the input. */
  sentence: string;
  section: string;
  /** 0…1, how strongly the context matches the indicator. */
  confidence: number;
  /** Offsets of the figure in the input (for highlighting). */
  start: number;
  end: number;
  /** Next-best indicators for the person to choose from. */
  alternatives: { indicatorCode: string; name: string; confidence: number }[];
};

type Feature = { code: string; name: string; unit: string; bigrams: Map<string, number>; mass: number };

/** Character bigrams of the Chinese runs of a string (punctuation and Latin split runs). */
function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const run of s.split(/[^\u4e00-\u9fa5]+/)) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

// Bigrams that say nothing about which indicator is meant (units, counting words).
const STOP = new Set(['次数', '件数', '人数', '个数', '项数', '条数', '场次', '人次', '件次', '数量']);

export type Matcher = { features: Feature[]; idf: Map<string, number> };

export function buildMatcher(catalogue: CatalogueEntry[]): Matcher {
  const docs = catalogue.map((c) => {
    const words = [c.name, ...(c.keywords ?? []), ...(INDICATOR_KEYWORDS[c.code] ?? [])];
    const set = new Set<string>();
    for (const w of words) for (const b of bigramsOf(w)) if (!STOP.has(b)) set.add(b);
    // The mass an indicator is normalised by counts only the required words of its name: alternatives
    // before a '/' ('收到/接收/受理…') and parenthesised qualifiers ('（申请）') are optional.
    const core = c.name.replace(/[（(][^）)]*[）)]/g, ' ').replace(/[\u4e00-\u9fa5]+\//g, ' ');
    const required = new Set([...bigramsOf(core)].filter((b) => !STOP.has(b)));
    return { c, set, required };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const b of d.set) df.set(b, (df.get(b) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [b, k] of df) idf.set(b, Math.log(1 + n / k));
  const features = docs.map(({ c, set, required }) => {
    const bigrams = new Map<string, number>();
    let mass = 0;
    for (const b of set) bigrams.set(b, idf.get(b)!);
    for (const b of required) mass += idf.get(b) ?? 0;
    if (mass === 0) for (const w of bigrams.values()) mass += w;
    return { code: c.code, name: c.name, unit: c.unit, bigrams, mass };
  });
  return { features, idf };
}

// ---- units ----------------------------------------------------------------------------------------

const FAMILY: Record<string, string> = {};
const families: Record<string, string[]> = {
  doc: ['件', '起', '份', '宗', '卷', '本', '篇', '册'],
  person: ['人', '人次', '位'],
  times: ['次', '场次', '场', '期', '堂次', '轮', '户次', '节', '班'],
  item: ['个', '项', '家', '条', '类', '支', '套', '户', '处', '所', '张', '座', '台', '部'],
  pct: ['%'],
  year: ['年'],
  rank: [],
  money: ['元'],
  duration: ['个工作日', '工作日', '分钟', '小时', '天', '学时', '课时'],
};
for (const [f, us] of Object.entries(families)) for (const u of us) FAMILY[u] = f;

/** Splits a catalogue unit into magnitude and base: '万元' → [1e4, '元']. */
export function baseUnit(unit: string): { factor: number; base: string } {
  const m = /^([万亿])(.+)$/.exec(unit);
  if (m && m[2] !== '') return { factor: m[1] === '万' ? 1e4 : 1e8, base: m[2]! };
  return { factor: 1, base: unit };
}

function unitFamily(unit: string, rank: boolean): string {
  if (rank) return 'rank';
  return FAMILY[unit] ?? 'other';
}

function unitFactor(mention: NumberMention, rank: boolean, indicatorUnit: string): number {
  if (mention.unit === null) return 1;
  const ind = baseUnit(indicatorUnit).base;
  const indFamily = ind === '名' ? 'rank' : unitFamily(ind, false);
  const fam = unitFamily(mention.unit, rank);
  if (fam === 'pct' || indFamily === 'pct' || fam === 'rank' || indFamily === 'rank') {
    return fam === indFamily ? 1.2 : 0;
  }
  if (fam === 'year' || indFamily === 'year') return fam === indFamily ? 1.2 : 0;
  if (fam === 'money' || indFamily === 'money') return fam === indFamily ? 1.2 : 0;
  if (mention.unit === ind) return 1.2;
  // 件次 counts both cases and times
  if (
    (ind === '件次' && (fam === 'doc' || fam === 'times')) ||
    (mention.unit === '件次' && (indFamily === 'doc' || indFamily === 'times'))
  )
    return 1;
  if (fam === indFamily) return 1;
  // '名' written after a number counts persons
  if (mention.unit === '名' && indFamily === 'person') return 1;
  return 0.6;
}

// ---- context ----------------------------------------------------------------------------------------

type Mention = NumberMention & {
  rank: boolean;
  sentence: Sentence;
  /** Context parts with their weights. */
  parts: { text: string; weight: number }[];
};

const CLAUSE_DELIM = /[，,；;：:。！？!?]/;

function clauseBounds(text: string, s: Sentence, at: number): [number, number] {
  let a = at;
  while (a > s.start && !CLAUSE_DELIM.test(text[a - 1]!)) a--;
  let b = at;
  while (b < s.end && !CLAUSE_DELIM.test(text[b]!)) b++;
  return [a, b];
}

/** '一是加强组织领导。' — the sub-item heading in force at offset `at` of the paragraph. */
function subItemHeading(text: string, s: Sentence, at: number): string {
  const para = text.slice(s.paragraph.bodyStart, at);
  const re = /[一二三四五六七八九十]+是([^。；;]{2,30})[。；;]/g;
  let last = '';
  for (let m = re.exec(para); m; m = re.exec(para)) last = m[1]!;
  return last;
}

/** 'X率、Y率、Z率(均)达' right before a percentage: one figure per rate. */
const RATE_LIST =
  /((?:[\u4e00-\u9fa5]{1,6}率[、和及与])+[\u4e00-\u9fa5]{1,6}率)(?:均|都|分别)?(?:达到|达|为|是|提高至|保持)?$/;

/** The text up to a list comma '、' that is not inside parentheses ('县(市、区)' keeps going). */
function cutAtListComma(s: string): string {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (c === '、' && depth === 0) return s.slice(0, i);
  }
  return s;
}

function lastListComma(s: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (c === '、' && depth === 0) last = i;
  }
  return last;
}

function mentionsOf(text: string, s: Sentence): Mention[] {
  const nums = findNumbers(text, s.start, s.end);
  const out: Mention[] = [];
  const heading = s.paragraph.section.join(' ');
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i]!;
    const [ca, cb] = clauseBounds(text, s, n.numberStart);
    const prev = nums[i - 1];
    const next = nums[i + 1];
    const nearStart = prev && prev.end > ca ? prev.end : ca;
    const nearFull = text.slice(nearStart, n.start);
    // in a list ('…便民服务中心、32项…'), the words before the last '、' belong to the previous item
    const listCut = lastListComma(nearFull);
    const near = listCut < 0 ? nearFull : nearFull.slice(listCut + 1);
    const listHead = listCut < 0 ? '' : nearFull.slice(0, listCut);
    const tailEnd = next && next.start < cb ? next.start : cb;
    const tail = cutAtListComma(text.slice(n.end, tailEnd));
    const lead = text.slice(ca, nearStart);
    let lastInClause = n;
    for (const m of nums) if (m.start >= n.start && m.start < cb) lastInClause = m;
    const clauseTail = lastInClause !== n ? text.slice(lastInClause.end, cb) : '';
    const sentenceBefore = text.slice(s.start, ca);
    const sentenceAfter = text.slice(cb, s.end);
    const sub = subItemHeading(text, s, s.start);
    const rank = n.unit === '名' && !/^\d/.test(text.slice(n.numberStart, n.numberStart + 1));
    const base = (nearText: string): Mention['parts'] => [
      { text: nearText.slice(-10), weight: 1 },
      { text: nearText.slice(0, -10), weight: 0.8 },
      { text: tail.slice(0, 14), weight: near.length < 3 ? 1 : 0.8 },
      { text: tail.slice(14), weight: 0.5 },
      { text: lead, weight: 0.6 },
      { text: nearText === near ? listHead : '', weight: 0.6 },
      { text: clauseTail, weight: 0.5 },
      { text: sentenceBefore.slice(-40), weight: 0.4 },
      { text: sentenceAfter.slice(0, 20), weight: 0.2 },
      { text: sub, weight: 0.3 },
      { text: heading, weight: 0.25 },
    ];
    const rates = n.unit === '%' ? RATE_LIST.exec(nearFull) : null;
    if (rates) {
      const prefix = nearFull.slice(0, rates.index);
      const terms = rates[1]!.split(/[、和及与]/);
      // the subject written once before the list applies to every rate: 规范性文件备案率、及时率
      const subject = prefix.slice(-10) + (terms[0] ?? '').slice(0, -3);
      for (const term of terms) {
        out.push({
          ...n,
          rank,
          sentence: s,
          parts: [{ text: term, weight: 1.2 }, { text: subject, weight: 0.9 }, ...base(prefix)],
        });
      }
    } else {
      out.push({ ...n, rank, sentence: s, parts: base(near) });
    }
  }
  return out;
}

function score(m: Mention, f: Feature): number {
  const uf = unitFactor(m, m.rank, f.unit);
  if (uf === 0 || f.mass === 0) return 0;
  let sum = 0;
  for (const [b, w] of f.bigrams) {
    let best = 0;
    for (const p of m.parts) if (p.weight > best && p.text.includes(b)) best = p.weight;
    sum += w * best;
  }
  return (uf * sum) / Math.pow(f.mass, 0.5);
}

export type ExtractOptions = {
  /** Minimum score for a proposal (raw scale); below it the number is left out. */
  threshold?: number;
  alternatives?: number;
};

/** Proposes the report's figures as indicator values. Pure: no database, no I/O. */
export function extractFigures(
  original: string,
  catalogue: CatalogueEntry[] | Matcher,
  options: ExtractOptions = {},
): Proposal[] {
  const matcher = Array.isArray(catalogue) ? buildMatcher(catalogue) : catalogue;
  const threshold = options.threshold ?? 1.2;
  const norm = normaliseReportText(original);
  const text = norm.text;
  const mentions: Mention[] = [];
  for (const p of paragraphs(norm)) {
    if (p.isHeading) continue;
    for (const s of sentencesOf(text, p)) mentions.push(...mentionsOf(text, s));
  }

  type Cand = { mi: number; fi: number; score: number };
  const cands: Cand[] = [];
  const perMention: Cand[][] = mentions.map(() => []);
  mentions.forEach((m, mi) => {
    matcher.features.forEach((f, fi) => {
      const sc = score(m, f);
      if (sc >= threshold) {
        const c = { mi, fi, score: sc };
        cands.push(c);
        perMention[mi]!.push(c);
      }
    });
  });
  for (const list of perMention) list.sort((a, b) => b.score - a.score);
  cands.sort((a, b) => b.score - a.score);

  const takenMention = new Set<number>();
  const takenIndicator = new Set<number>();
  const chosen: Cand[] = [];
  for (const c of cands) {
    if (takenMention.has(c.mi) || takenIndicator.has(c.fi)) continue;
    takenMention.add(c.mi);
    takenIndicator.add(c.fi);
    chosen.push(c);
  }

  const maxAlt = options.alternatives ?? 3;
  const proposals = chosen.map((c): Proposal => {
    const m = mentions[c.mi]!;
    const f = matcher.features[c.fi]!;
    const unit = m.unit ?? baseUnit(f.unit).base;
    return {
      indicatorCode: f.code,
      name: f.name,
      value: m.value,
      unit,
      written: originalSlice(original, norm, m.start, m.end),
      unitWritten: m.unitWritten,
      approx: m.approx,
      sentence: originalSlice(original, norm, m.sentence.start, m.sentence.end).trim(),
      section: m.sentence.paragraph.section.join(' > '),
      confidence: Math.min(1, Math.round((c.score / 4) * 100) / 100),
      start: norm.map[m.start]!,
      end: norm.map[m.end - 1]! + 1,
      alternatives: perMention[c.mi]!.filter((a) => a.fi !== c.fi)
        .slice(0, maxAlt)
        .map((a) => ({
          indicatorCode: matcher.features[a.fi]!.code,
          name: matcher.features[a.fi]!.name,
          confidence: Math.min(1, Math.round((a.score / 4) * 100) / 100),
        })),
    };
  });
  return proposals.sort((a, b) => a.start - b.start);
}

/** Converts a proposal's base-unit value into an indicator's unit ('元' → '万元' divides by 10⁴). */
export function toIndicatorUnit(value: number, unit: string, indicatorUnit: string): number {
  const { factor, base } = baseUnit(indicatorUnit);
  if (factor === 1 || base !== unit) return value;
  return Math.round((value / factor) * 1e6) / 1e6;
}
