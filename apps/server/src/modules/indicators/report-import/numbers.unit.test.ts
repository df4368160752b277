import { describe, expect, it } from 'vitest';
import { extractFigures } from './extract';
import { chineseNumeral, findNumbers } from './numbers';
import { normaliseReportText, originalSlice } from './report-text';

const nums = (s: string) =>
  findNumbers(s, 0, s.length).map((n) => [n.value, n.unit, n.unitWritten, n.approx]);

describe('number recognition', () => {
  it('converts 万/亿 magnitudes and keeps the written unit', () => {
    expect(nums('受理工单16.23万余件')).toEqual([[162300, '件', '万件', true]]);
    expect(nums('查出问题金额59.62亿元')).toEqual([[5962000000, '元', '亿元', false]]);
    expect(nums('参加演练人员2万多人次')).toEqual([[20000, '人次', '万人次', true]]);
  });
  it('reads percentages, thousands separators and approximate markers', () => {
    expect(nums('办结率93.90%')).toEqual([[93.9, '%', '%', false]]);
    expect(nums('办理3,754,558件')).toEqual([[3754558, '件', '件', false]]);
    expect(nums('调用量超3200万次')).toEqual([[32000000, '次', '万次', true]]);
    expect(nums('持证上岗率突破70%以上')).toEqual([[70, '%', '%', true]]);
  });
  it('counts persons written with 名 and skips years, dates, document numbers and quoted numbers', () => {
    expect(nums('7000余名执法人员')).toEqual([[7000, '人', '名', true]]);
    expect(nums('2024年1月24日，三政文〔2025〕5号，“12345”热线')).toEqual([]);
    expect(nums('第4批试点')).toEqual([]);
  });
  it('reads the Chinese numerals that state results', () => {
    expect(nums('连续两年获得优秀')).toEqual([[2, '年', '年', false]]);
    expect(nums('连续11年举办')).toEqual([[11, '年', '年', false]]);
    expect(nums('以全省第一的成绩')).toEqual([[1, '名', '名', false]]);
    expect(nums('府院联动第三次联席会议')).toEqual([]);
    expect(nums('市十大民生实事')).toEqual([[10, null, null, false]]);
    expect(nums('实现"零失信"')).toEqual([[0, null, null, false]]);
    expect(chineseNumeral('二十三')).toBe(23);
  });
});

describe('text normalisation', () => {
  it('removes PDF line-wrap spaces but maps back to the exact original', () => {
    const original = '化解 72798 起,化解率 99.56%。行政执 法证';
    const n = normaliseReportText(original);
    expect(n.text).toBe('化解72798起,化解率99.56%。行政执法证');
    expect(originalSlice(original, n, 2, 8)).toBe('72798 起');
  });
});

describe('extractFigures', () => {
  const catalogue = [
    { code: 'reconsideration_cases_received', name: '收到/接收/受理行政复议案件（申请）数', unit: '件' },
    { code: 'reconsideration_cases_closed', name: '审结/结案行政复议案件数', unit: '件' },
    { code: 'normative_doc_filing_rate', name: '规范性文件报备率/备案率', unit: '%' },
    { code: 'normative_doc_filing_timeliness_rate', name: '规范性文件备案及时率', unit: '%' },
  ];
  it('maps figures by the words before them, one per indicator, with the sentence as an exact substring', () => {
    const text =
      '一、依法化解矛盾\n全年受理行政复议案件 1683 件，审结 1394 件。规范性文件备案率、及时率达100%。';
    const p = extractFigures(text, catalogue);
    const by = Object.fromEntries(p.map((x) => [x.indicatorCode, x]));
    expect(by.reconsideration_cases_received?.value).toBe(1683);
    expect(by.reconsideration_cases_closed?.value).toBe(1394);
    expect(by.normative_doc_filing_rate?.value).toBe(100);
    expect(by.normative_doc_filing_timeliness_rate?.value).toBe(100);
    for (const x of p) expect(text.includes(x.sentence)).toBe(true);
    expect(by.reconsideration_cases_closed?.section).toBe('一、依法化解矛盾');
    expect(by.reconsideration_cases_received?.written).toBe('1683 件');
  });
});
