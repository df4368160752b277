import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUnit, buildMatcher, extractFigures, type CatalogueEntry } from './extract';

/*
 * Issue 4 test: the report-text import, run on the five reference reports, proposes at least 90% of the
 * figures in indicators-figures.json with the right indicator, value and unit. Values are compared in the
 * base unit (16.23 万件 → 162300 件, INDICATORS.md conventions). The catalogue used is the seeded indicator
 * catalogue (code, 中文名, unit) — the matcher never sees the expected quotes or values. The fixtures are
 * copies of the five public government reports and of the figure list from /work/shared.
 */

const dir = join(__dirname, '../../../../test/fixtures/reports');
type Expected = {
  indicator: string;
  value: number;
  unit: string;
  report: string;
  quote: string;
  approx?: boolean;
};
const expected = JSON.parse(readFileSync(join(dir, 'indicators-figures.json'), 'utf8')) as Expected[];
// The seeded catalogue, names and units only: its `phrasings` (the reports' own wording) are deliberately
// not given to the matcher, which must generalise from the indicator names.
const seed = JSON.parse(readFileSync(join(__dirname, '../seed/catalogue.json'), 'utf8')) as {
  indicators: { code: string; name: string; unit: string }[];
};
const catalogue: CatalogueEntry[] = seed.indicators.map(({ code, name, unit }) => ({ code, name, unit }));
const reports = [...new Set(expected.map((e) => e.report))].sort();

function norm(value: number, unit: string) {
  const { factor, base } = baseUnit(unit);
  return { value: Math.round(value * factor * 1e6) / 1e6, unit: base };
}

describe('report-text import: figures of the five reference reports', () => {
  it('proposes ≥ 90% of the stated figures with the right indicator, value and unit', () => {
    const matcher = buildMatcher(catalogue);
    let hits = 0;
    let total = 0;
    const lines: string[] = [];
    for (const report of reports) {
      const text = readFileSync(join(dir, report), 'utf8');
      const proposals = extractFigures(text, matcher);
      for (const p of proposals) expect(text.includes(p.sentence)).toBe(true);
      const exp = expected.filter((e) => e.report === report);
      let h = 0;
      for (const e of exp) {
        const want = norm(e.value, e.unit);
        const hit = proposals.some(
          (p) =>
            p.indicatorCode === e.indicator && Math.abs(p.value - want.value) < 1e-6 && p.unit === want.unit,
        );
        if (hit) h++;
        else if (process.env.REPORT_IMPORT_DEBUG) {
          const got = proposals.filter((p) =>
            p.sentence.replace(/\s/g, '').includes(e.quote.replace(/\s/g, '')),
          );
          lines.push(
            `  MISS ${report.slice(0, 2)} ${e.indicator} ${e.value}${e.unit} «${e.quote}» → ${got.map((p) => `${p.indicatorCode}=${p.value}${p.unit}`).join('; ')}`,
          );
        }
      }
      hits += h;
      total += exp.length;
      lines.push(
        `${report}: ${h}/${exp.length} (${((100 * h) / exp.length).toFixed(1)}%), ${proposals.length} proposals`,
      );
    }
    const score = hits / total;
    lines.push(`overall: ${hits}/${total} = ${(100 * score).toFixed(1)}%`);
    console.log(lines.join('\n'));
    expect(score).toBeGreaterThanOrEqual(0.9);
  });
});
