import { describe, expect, it } from 'vitest';
import { formatRegistrationNumber, templateProblem } from './normdocs.numbering';
import { toTsQuery, tokenize } from './normdocs.search-text';

describe('registration numbers (三统一)', () => {
  it('fills the per-jurisdiction template', () => {
    expect(formatRegistrationNumber('{abbr}规〔{year}〕{n}号', { abbr: '三政', year: 2025, n: 3 })).toBe(
      '三政规〔2025〕3号',
    );
    expect(formatRegistrationNumber('杨管规〔{year}〕{n3}', { abbr: '', year: 2012, n: 1 })).toBe(
      '杨管规〔2012〕001',
    );
    expect(formatRegistrationNumber('HFGS—{year}—{n}', { abbr: '', year: 2017, n: 9 })).toBe('HFGS—2017—9');
    expect(formatRegistrationNumber('{abbr}规〔{year}〕{n3}', { abbr: '三政', year: 2025, n: 1234 })).toBe(
      '三政规〔2025〕1234',
    );
  });

  it('rejects templates that could repeat a number', () => {
    expect(templateProblem('{abbr}规〔{year}〕{n}号')).toBeNull();
    expect(templateProblem('{abbr}规{n}号')).toMatch(/年份/);
    expect(templateProblem('{abbr}规〔{year}〕号')).toMatch(/序号/);
    expect(templateProblem('{abbr}规〔{year}〕{n}号{x}')).toMatch(/不支持的占位符/);
  });
});

describe('Chinese search tokens', () => {
  it('splits titles into overlapping words for the index and precise words for the query', () => {
    const t = tokenize('三门峡市人民政府关于进一步优化营商环境的若干措施');
    expect(t).toEqual(expect.arrayContaining(['三门峡', '三门峡市', '人民政府', '营商', '环境']));
    expect(t).not.toContain('，');
    expect(toTsQuery('营商环境')).toBe("'营商' & '环境'");
    expect(toTsQuery('，。！')).toBeNull();
    // Quotes and tsquery operators in user input cannot break the query.
    expect(toTsQuery("a'b & c|d")).not.toMatch(/[|&]{2}|''/);
  });
});
