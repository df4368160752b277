import type { RenderedRun, RenderedSection } from '@fazhi/contracts';
import { Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useT } from '../../../platform/i18n';

const BODY: CSSProperties = {
  fontFamily: '"仿宋_GB2312", FangSong, "Noto Serif CJK SC", serif',
  fontSize: 18,
  lineHeight: 1.9,
  textIndent: '2em',
  margin: 0,
  textAlign: 'justify',
};
const H1: CSSProperties = { ...BODY, fontFamily: '黑体, SimHei, "Noto Sans CJK SC", sans-serif' };
const H2: CSSProperties = { ...BODY, fontFamily: '"楷体_GB2312", KaiTi, "Noto Serif CJK SC", serif' };

interface RenderedReportProps {
  title: string;
  sections: RenderedSection[];
  issuer?: string;
  issuedOn?: string | null;
  /** Called when a number is clicked (its provenance); without it numbers are plain text. */
  onFigure?: (run: Extract<RenderedRun, { kind: 'figure' }>) => void;
  testId?: string;
}

const officialDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** The report as it reads in the 公文 layout; each number shows its indicator and links to its provenance. */
export function RenderedReport({ title, sections, issuer, issuedOn, onFigure, testId }: RenderedReportProps) {
  const t = useT();
  const SOURCE: Record<string, string> = {
    computed: t('由业务记录计算', 'computed from records'),
    collected: t('各单位填报', 'collected'),
    none: t('暂无数据', 'no value'),
  };
  const run = (r: RenderedRun, i: number) => {
    if (r.kind === 'text') return r.bold ? <strong key={i}>{r.text}</strong> : <span key={i}>{r.text}</span>;
    const tip = `${r.name}（${r.code}）· ${SOURCE[r.source] ?? r.source}${
      r.denominator !== null ? ` · ${r.numerator ?? '—'}/${r.denominator}` : ''
    }`;
    const style: CSSProperties = {
      fontWeight: r.bold ? 700 : undefined,
      color: r.source === 'none' ? '#cf1322' : '#0958d9',
      cursor: onFigure ? 'pointer' : undefined,
      borderBottom: onFigure ? '1px dashed currentColor' : undefined,
    };
    return (
      <Tooltip key={i} title={tip}>
        {onFigure ? (
          <a style={style} onClick={() => onFigure(r)} data-testid={`figure-${r.code}`}>
            {r.display}
          </a>
        ) : (
          <span data-testid={`figure-${r.code}`}>{r.display}</span>
        )}
      </Tooltip>
    );
  };
  return (
    <div data-testid={testId} style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title
        level={3}
        style={{ textAlign: 'center', fontFamily: '"方正小标宋简体", "Noto Serif CJK SC", serif' }}
      >
        {title}
      </Typography.Title>
      {sections.map((s) => (
        <section key={s.code} data-testid={`rendered-${s.code}`}>
          <p style={s.level === 1 ? H1 : H2}>{s.title}</p>
          {s.paragraphs.map((p, i) => (
            <p key={i} style={BODY}>
              {p.runs.map(run)}
            </p>
          ))}
        </section>
      ))}
      {issuer && (
        <div style={{ ...BODY, textIndent: 0, textAlign: 'right', marginTop: 32, paddingRight: '4em' }}>
          {issuer.split('\n').map((l) => (
            <div key={l}>{l}</div>
          ))}
          {issuedOn && <div>{officialDate(issuedOn)}</div>}
        </div>
      )}
      {sections.length === 0 && (
        <Typography.Paragraph type="secondary">{t('报告尚无正文', 'No text yet')}</Typography.Paragraph>
      )}
    </div>
  );
}
