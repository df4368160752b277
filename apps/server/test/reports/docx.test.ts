import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '@fazhi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONTCONFIG_FILE, findSoffice } from '../../src/modules/reports/reports.pdf';
import { login, makeOrg, makeRegion, makeUser, startTestEnv, type Client, type TestEnv } from '../harness';
import { createReport, docxParts, docxText, saveSection } from './helpers';

/*
 * The Word output in the 党政机关公文格式 (GB/T 9704-2012, DOMAIN.md §11.4): the .docx is unzipped and its
 * XML checked — page size, margins, fonts named, exact line pitch, character grid, page-number footer,
 * language tags. With LibreOffice installed, the PDF must hold 22 lines per full page of body text.
 */
let env: TestEnv;
let staff: Client;
let head: Client;
let report: Report;
const soffice = findSoffice();
/** pdftotext (poppler-utils) reads the PDF's lines back; CI installs both (.ci/run). */
const pdftotext = spawnSync('pdftotext', ['-v']).status === 0;
const LONG = Array.from(
  { length: 40 },
  (_, i) =>
    `**第${i + 1}项工作。**坚持以习近平法治思想为指导，全面推进严格规范公正文明执法，持续深化行政执法体制改革，不断提升依法行政能力和水平，切实维护人民群众合法权益。`,
).join('\n');

beforeAll(async () => {
  env = await startTestEnv();
  const prov = await makeRegion(env, null);
  const city = await makeRegion(env, prov);
  const gov = await makeOrg(env, city, { type: 'government', name: '测试市人民政府' });
  const party = await makeOrg(env, city, { type: 'party_committee', name: '中共测试市委员会' });
  const bureau = await makeOrg(env, city, { type: 'justice_bureau' });
  staff = await login(env, (await makeUser(env, bureau, ['reviewer'])).username);
  head = await login(env, (await makeUser(env, gov, ['head'])).username);
  report = await createReport(staff, { orgId: gov.id, coOrgId: party.id, year: 2025, kind: 'to_superior' });
  const patched = await staff.patch<Report>(`/api/reports/${report.id}`, {
    version: report.version,
    docNumber: '测政文〔2026〕5号',
    signer: '张三',
    issuedOn: '2026-01-24',
  });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  report = await saveSection(staff, patched.body, 'g5', LONG);
  report = await saveSection(staff, report, 'problems', '一是法治意识有待提升。二是执法规范化水平仍需提高。');
  void head;
});
afterAll(() => env.close());

describe('Word output (GB/T 9704-2012)', () => {
  it('has A4 paper, the standard margins, 22 lines × 28 characters, fonts, language and page numbers', async () => {
    const started = performance.now();
    const res = await staff.get(`/api/reports/${report.id}/document.docx`);
    const ms = performance.now() - started;
    console.log(`[reports] .docx generated and downloaded in ${ms.toFixed(0)} ms (target ≤ 1000 ms)`);
    expect(ms).toBeLessThan(3000);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const parts = await docxParts(res.raw);
    const doc = parts['word/document.xml'] as string;
    // A4 210 × 297 mm; margins 37 / 35 / 28 / 26 mm (1 mm = 1440 / 25.4 twips).
    expect(doc).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)?.[1] ?? '';
    expect(mar).toContain('w:top="2098"');
    expect(mar).toContain('w:bottom="1984"');
    expect(mar).toContain('w:left="1587"');
    expect(mar).toContain('w:right="1474"');
    // 22 lines in the 225 mm block: exact line spacing 579 twips (28.95 pt) and the document grid.
    expect(doc).toMatch(/<w:docGrid [^>]*w:type="linesAndChars"[^>]*w:linePitch="579"/);
    const spacings = [...doc.matchAll(/<w:spacing ([^>]*)\/>/g)].map((m) => m[1] as string);
    expect(spacings.length).toBeGreaterThan(40);
    for (const s of spacings) {
      expect(s).toContain('w:line="579"');
      expect(s).toContain('w:lineRule="exact"');
    }
    // Fonts named: title 方正小标宋简体 22 pt, body 仿宋_GB2312 16 pt, headings 黑体 / 楷体_GB2312.
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]{0,200}<w:sz w:val="44"\/>/);
    for (const f of ['仿宋_GB2312', '黑体', '楷体_GB2312']) expect(doc).toContain(`w:eastAsia="${f}"`);
    expect(doc).toContain('w:ascii="Times New Roman"');
    // Every run is tagged zh-CN.
    const runs = doc.split('<w:r>').length - 1;
    const tagged = [...doc.matchAll(/<w:lang [^>]*w:eastAsia="zh-CN"/g)].length;
    expect(runs).toBeGreaterThan(40);
    expect(tagged).toBe(runs);
    // First-line indent of two characters.
    expect(doc).toContain('w:firstLine="640"');
    // 发文字号 and 签发人 on an upward report; the joint issuers and the date (Arabic numerals) at the end.
    const text = docxText(doc);
    expect(text).toContain('测政文〔2026〕5号');
    expect(text).toContain('签发人：张三');
    expect(text).toMatch(/中共测试市委员会\n测试市人民政府\n2026年1月24日/);
    expect(text).toContain('二、存在的不足和原因');
    // Empty sections are left out.
    expect(text).not.toContain('五、其他需要报告的事项');
    // Page numbers: 4号 (14 pt) 宋体 "— N —", odd pages right, even pages left (evenAndOddHeaders).
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders');
    const footers = Object.entries(parts).filter(([n]) => /word\/footer\d+\.xml/.test(n));
    expect(footers).toHaveLength(2);
    const jcs = footers.map(([, x]) => /<w:jc w:val="(\w+)"/.exec(x)?.[1]).sort();
    expect(jcs).toEqual(['left', 'right']);
    for (const [, x] of footers) {
      expect(x).toMatch(/PAGE/);
      expect(x).toContain('— ');
      expect(x).toContain('<w:sz w:val="28"/>');
      expect(x).toContain('w:eastAsia="宋体"');
    }
  });

  it('ships the fontconfig aliases for PDF conversion', () => {
    const conf = readFileSync(FONTCONFIG_FILE, 'utf8');
    for (const f of [
      '方正小标宋简体',
      '仿宋_GB2312',
      '楷体_GB2312',
      '黑体',
      'Noto Serif CJK SC',
      'Noto Sans CJK SC',
    ])
      expect(conf).toContain(f);
  });

  it('answers 503 PDF_UNAVAILABLE when LibreOffice is not installed', async () => {
    const res = await staff.get<{ code: string; message: string }>(`/api/reports/${report.id}/document.pdf`);
    if (soffice) {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('PDF_UNAVAILABLE');
    expect(res.body.message).toContain('LibreOffice');
  });

  if (!soffice || !pdftotext)
    console.log(
      '[reports] SKIP PDF line-count test: LibreOffice (soffice) or pdftotext is not on PATH on this machine',
    );
  it.skipIf(!soffice || !pdftotext)('converted to PDF, a full page of body text holds 22 lines', async () => {
    const res = await staff.get(`/api/reports/${report.id}/document.pdf`);
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'fazhi-pdf-test-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), Buffer.from(res.raw));
      // pdftotext (poppler-utils) keeps the layout; page 2 is a full page of the long section.
      execFileSync('pdftotext', ['-layout', '-f', '2', '-l', '2', join(dir, 'r.pdf'), join(dir, 'p2.txt')]);
      const lines = readFileSync(join(dir, 'p2.txt'), 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !/^\s*—\s*\d+\s*—\s*$/.test(l));
      expect(lines).toHaveLength(22);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
