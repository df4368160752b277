import type { RenderedRun, ReportPreview } from '@fazhi/contracts';
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
  type IRunOptions,
} from 'docx';

/*
 * The annual report as a Word document in the 党政机关公文格式 (GB/T 9704-2012; DOMAIN.md §11.4):
 *   paper A4 210 × 297 mm (§5.1); margins 天头 37 mm, 订口 28 mm, text block 156 × 225 mm → right 26 mm,
 *   bottom 35 mm (§5.2.1); 22 lines × 28 characters (§5.2.3) in 3号 (16 pt) 仿宋 (§5.2.2): exact line
 *   spacing 225 mm ÷ 22 = 579 twips (28.95 pt; 580 would need 12 760 twips, 4 more than the block holds)
 *   and a document grid of 22 lines × 28 characters; title 2号 (22 pt) 小标宋 centred (§7.3.1); headings
 *   "一、" 黑体, "（一）" 楷体 (§7.3.3); 发文字号 and, on upward reports (上行文), 签发人 (§7.2.4–7.2.5);
 *   issuer centred above the date, the date 4 characters from the right, Arabic numerals (§7.3.5);
 *   page numbers 4号 (14 pt) 半角宋体 "— 1 —" below the text block, odd pages right and even pages left,
 *   one character in (§7.5.1).
 * The proprietary 公文 fonts are referenced by name, never bundled; Latin letters and digits use Times New
 * Roman. PDF conversion maps the names to Noto CJK (apps/server/fontconfig/fazhi-fonts.conf).
 */

const mmToTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

export const PAGE = {
  width: mmToTwips(210), // 11906
  height: mmToTwips(297), // 16838
  top: mmToTwips(37), // 2098
  bottom: mmToTwips(35), // 1984
  left: mmToTwips(28), // 1587
  right: mmToTwips(26), // 1474
  /** Page number baseline: 7 mm below the text block, minus the 14 pt line → ≈ 23 mm from the paper edge. */
  footer: mmToTwips(23),
  header: mmToTwips(15),
};
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right; // 8845 twips = 156 mm
export const LINE_TWIPS = Math.floor((PAGE.height - PAGE.top - PAGE.bottom) / 22); // 579
/** Character grid: 28 characters in the 156 mm line; charSpace is the delta from 16 pt in 1/4096 pt. */
const CHAR_PITCH_PT = TEXT_WIDTH / 20 / 28;
const CHAR_SPACE = Math.round((CHAR_PITCH_PT - 16) * 4096);
const CHAR = 320; // one 3号 character, twips

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  h1: '黑体',
  h2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

const LANG = { value: 'zh-CN', eastAsia: 'zh-CN' };
const font = (eastAsia: string, latin: string = FONTS.latin) => ({
  ascii: latin,
  hAnsi: latin,
  eastAsia,
  cs: latin,
  hint: 'eastAsia',
});
const run = (text: string, f: string, size: number, extra: Partial<IRunOptions> = {}) =>
  new TextRun({ text, font: font(f), size, language: LANG, ...extra });

const exact = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const blank = () => new Paragraph({ spacing: exact, children: [run('', FONTS.body, 32)] });

/** Width in characters: CJK 1, Latin and digits ½. */
const widthChars = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);

/** GB/T 9704-2012 §7.3.5: 成文日期 in Arabic numerals, e.g. 2026年1月24日. */
export function officialDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function bodyRuns(runs: RenderedRun[], f: string): TextRun[] {
  return runs.map((r) => run(r.kind === 'text' ? r.text : r.display, f, 32, r.bold ? { bold: true } : {}));
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.pageNumber, FONTS.pageNumber),
            size: 28,
            language: LANG,
          }),
        ],
      }),
    ],
  });
}

export type DocxInput = ReportPreview & {
  kind: string;
  docNumber: string | null;
  signer: string | null;
  /** Date printed when the report has no 成文日期 yet (today). */
  fallbackDate: string;
};

export async function buildReportDocx(p: DocxInput): Promise<Buffer> {
  const children: Paragraph[] = [];
  if (p.kind === 'to_superior' && (p.docNumber || p.signer)) {
    // 上行文: 发文字号 left (one character in), 签发人 right (one character in) on the same line.
    children.push(
      new Paragraph({
        spacing: exact,
        indent: { left: CHAR },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
        children: [
          run(p.docNumber ?? '', FONTS.body, 32),
          run('\t签发人：', FONTS.body, 32),
          run(p.signer ?? '', FONTS.h2, 32),
        ],
      }),
      blank(),
    );
  } else if (p.docNumber) {
    children.push(
      new Paragraph({
        spacing: exact,
        alignment: AlignmentType.CENTER,
        children: [run(p.docNumber, FONTS.body, 32)],
      }),
      blank(),
    );
  }
  children.push(
    new Paragraph({
      spacing: exact,
      alignment: AlignmentType.CENTER,
      children: [run(p.title, FONTS.title, 44)],
    }),
    blank(),
  );
  for (const s of p.sections) {
    const headingFont = s.level === 1 ? FONTS.h1 : FONTS.h2;
    children.push(
      new Paragraph({
        spacing: exact,
        indent: { firstLine: 2 * CHAR },
        keepNext: true,
        children: [run(s.title, headingFont, 32)],
      }),
    );
    for (const para of s.paragraphs)
      children.push(
        new Paragraph({
          spacing: exact,
          indent: { firstLine: 2 * CHAR },
          alignment: AlignmentType.JUSTIFIED,
          children: bodyRuns(para.runs, FONTS.body),
        }),
      );
  }
  // 落款: issuer centred above the date; the date 4 characters from the right margin.
  const date = officialDate(p.issuedOn ?? p.fallbackDate);
  const dateWidth = widthChars(date);
  children.push(blank(), blank());
  for (const issuer of p.issuer.split('\n').filter(Boolean)) {
    const rightChars = Math.max(0, 4 + (dateWidth - widthChars(issuer)) / 2);
    children.push(
      new Paragraph({
        spacing: exact,
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(rightChars * CHAR) },
        children: [run(issuer, FONTS.body, 32)],
      }),
    );
  }
  children.push(
    new Paragraph({
      spacing: exact,
      alignment: AlignmentType.RIGHT,
      indent: { right: 4 * CHAR },
      children: [run(date, FONTS.body, 32)],
    }),
  );

  const doc = new Document({
    creator: 'Fazhi',
    title: p.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: 32, language: LANG },
          paragraph: { spacing: exact },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: PAGE.header,
              footer: PAGE.footer,
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
