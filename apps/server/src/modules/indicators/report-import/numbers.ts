/*
 * Number recognition in Chinese report text (INDICATORS.md, conventions): Arabic digits with decimals and
 * thousands separators, percentages, 万/亿 magnitudes (converted; the written unit is kept), approximate
 * markers (余 / 多 / 以上 / 超 / 突破 → approx), and the few Chinese-numeral forms that state a result
 * (连续两年, 十大, 零失信, 全省第三). Years, dates, document numbers, hotline numbers and ordinals are not
 * figures and are skipped.
 */

export type NumberMention = {
  /** Offsets in the normalised text: the whole mention (prefix marker … unit). */
  start: number;
  end: number;
  /** Offset of the first digit (or Chinese numeral). */
  numberStart: number;
  /** The value converted to the base unit (16.23万件 → 162300). */
  value: number;
  /** The value as written (16.23). */
  valueWritten: number;
  /** Base unit ('件', '元', '%'); null when the text gives none (十大民生实事: the indicator's unit applies). */
  unit: string | null;
  /** The unit as written, magnitude included ('万件'). */
  unitWritten: string | null;
  approx: boolean;
};

/** Units, longest first so '人次' wins over '人'. */
export const UNITS = [
  '个工作日',
  '个百分点',
  '工作日',
  '百分点',
  '人次',
  '件次',
  '场次',
  '堂次',
  '户次',
  '学时',
  '课时',
  '分钟',
  '小时',
  '元',
  '件',
  '人',
  '次',
  '家',
  '个',
  '项',
  '条',
  '场',
  '名',
  '年',
  '份',
  '起',
  '期',
  '类',
  '支',
  '本',
  '篇',
  '套',
  '户',
  '天',
  '所',
  '位',
  '处',
  '宗',
  '张',
  '批',
  '座',
  '台',
  '部',
  '卷',
  '册',
  '轮',
  '节',
  '班',
  '届',
];

const UNIT_RE = UNITS.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const MAGNITUDE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

// number, optional magnitude, optional 余/多, then % or a unit, then optional 以上/多
const ARABIC = new RegExp(
  `(\\d{1,3}(?:,\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(万|亿)?(余|多)?(%|％|${UNIT_RE})(以上|多)?`,
  'g',
);

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 (enough for ranks and streaks). */
export function chineseNumeral(s: string): number | null {
  if (!s) return null;
  if (s.length === 1) {
    if (s === '十') return 10;
    return CN_DIGITS[s] ?? null;
  }
  const ten = s.indexOf('十');
  if (ten < 0) return null;
  const tens = ten === 0 ? 1 : (CN_DIGITS[s.slice(0, ten)] ?? null);
  const ones = ten === s.length - 1 ? 0 : (CN_DIGITS[s.slice(ten + 1)] ?? null);
  if (tens === null || ones === null) return null;
  return tens * 10 + ones;
}

const APPROX_BEFORE = /(超过|超|突破|逾|近|约)$/;
const RANK_CONTEXT = /(全省|全市|全国|排名|荣获|位居|位列|获得)[^，,。；]{0,4}$/;

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** All figures stated in [start, end) of the normalised text. */
export function findNumbers(text: string, start: number, end: number): NumberMention[] {
  const slice = text.slice(start, end);
  const out: NumberMention[] = [];
  ARABIC.lastIndex = 0;
  for (let m = ARABIC.exec(slice); m; m = ARABIC.exec(slice)) {
    const [whole, digits, magnitude, approxMid, unitRaw, approxAfter] = m;
    const at = start + m.index;
    const before = text.slice(Math.max(0, at - 8), at);
    const prevChar = text[at - 1] ?? '';
    // part of a longer token (a code, a year range, a decimal), an ordinal, a quoted hotline number
    if (/[0-9.\-/A-Za-z〔[]/.test(prevChar) || prevChar === '第') continue;
    let unit = unitRaw === '％' ? '%' : unitRaw!;
    const written = Number(digits!.replace(/,/g, ''));
    if (!Number.isFinite(written)) continue;
    if (unit === '年') {
      // a year or a date, unless it is a streak: 连续11年
      if (!/连续$/.test(before)) continue;
    }
    if (unit === '届' || unit === '批') continue; // editions and batches are labels
    const after = text.slice(at + whole.length, at + whole.length + 2);
    if (unit === '个' && /^(月|季度)/.test(after)) continue;
    if (unit === '百分点' || unit === '个百分点') unit = '%';
    // '名' after a number counts persons (17名律师 = 17人); ranks are written 第一名
    if (unit === '名') unit = '人';
    const mag = magnitude ? MAGNITUDE[magnitude]! : 1;
    const prefix = APPROX_BEFORE.exec(text.slice(Math.max(0, at - 2), at));
    const approx =
      !!approxMid || !!approxAfter || !!prefix || /^(以上|多|余)/.test(text.slice(at + whole.length));
    out.push({
      start: prefix ? at - prefix[0].length : at,
      end: at + whole.length,
      numberStart: at,
      value: round(written * mag),
      valueWritten: written,
      unit: unit === '%' ? '%' : unit,
      unitWritten: (magnitude ?? '') + (unitRaw === '％' ? '%' : unitRaw!),
      approx,
    });
  }

  // '6大中心职能': a count whose unit is the indicator's
  const big = /(\d+)大(?=[\u4e00-\u9fa5])/g;
  for (let m = big.exec(slice); m; m = big.exec(slice)) {
    const at = start + m.index;
    if (/[0-9.第]/.test(text[at - 1] ?? '')) continue;
    const v = Number(m[1]);
    out.push({
      start: at,
      end: at + m[0].length,
      numberStart: at,
      value: v,
      valueWritten: v,
      unit: null,
      unitWritten: null,
      approx: false,
    });
  }

  // Chinese numerals that state results (INDICATORS.md): 连续两年, 十大, 零失信, 全省第三
  const cn =
    /连续([两二三四五六七八九十]+)年|(十)大(?=[\u4e00-\u9fa5])|零(失信|投诉|事故|差错|伤亡|发生)|第([一二三四五六七八九十]+)(名)?/g;
  for (let m = cn.exec(slice); m; m = cn.exec(slice)) {
    const at = start + m.index;
    if (m[1]) {
      const v = chineseNumeral(m[1]);
      if (v === null) continue;
      const numberStart = at + 2;
      out.push({
        start: at,
        end: at + m[0].length,
        numberStart,
        value: v,
        valueWritten: v,
        unit: '年',
        unitWritten: '年',
        approx: false,
      });
    } else if (m[2]) {
      out.push({
        start: at,
        end: at + 1,
        numberStart: at,
        value: 10,
        valueWritten: 10,
        unit: null,
        unitWritten: null,
        approx: false,
      });
    } else if (m[3]) {
      out.push({
        start: at,
        end: at + 1,
        numberStart: at,
        value: 0,
        valueWritten: 0,
        unit: null,
        unitWritten: null,
        approx: false,
      });
    } else if (m[4]) {
      // an ordinal is a rank only after 全省/排名/荣获 …: 全省第一, 排名第三, 荣获第一名
      if (!RANK_CONTEXT.test(text.slice(Math.max(0, at - 8), at))) continue;
      const next = text[at + m[0].length] ?? '';
      if (!m[5] && /[次届批期轮]/.test(next)) continue;
      const v = chineseNumeral(m[4]);
      if (v === null) continue;
      out.push({
        start: at,
        end: at + m[0].length,
        numberStart: at + 1,
        value: v,
        valueWritten: v,
        unit: '名',
        unitWritten: '名',
        approx: false,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
