import { parseMarkup, placeholderCodes, type RenderedRun, type RenderedSection } from '@fazhi/contracts';
import type { DbOrTx } from '../../platform/db/pool';
import { resolveIndicatorValues, type ResolvedValue } from '../indicators';
import type { OrgInfo, ReportRow } from './reports.repository';

/** Organisations whose report speaks for the whole region (figures over the region tree). */
const REGION_WIDE = ['government', 'party_committee', 'township', 'dispatched'];

export type FigureTarget = { orgId: string | null; regionCode: string | null; name: string };

/** Whose figures a report states: its region (a government or Party committee report) or its organisation. */
export function figureTarget(org: OrgInfo): FigureTarget {
  return REGION_WIDE.includes(org.type)
    ? { orgId: null, regionCode: org.regionCode, name: org.regionName }
    : { orgId: org.id, regionCode: null, name: org.name };
}

export function provenanceUrl(code: string, period: string, t: FigureTarget): string {
  const who = t.orgId ? `orgId=${t.orgId}` : `regionCode=${encodeURIComponent(t.regionCode ?? '')}`;
  return `/api/indicator-values/${encodeURIComponent(code)}/provenance?period=${encodeURIComponent(period)}&${who}`;
}

/** '—' for anything that is not a finite number (no value, a zero denominator). */
function safeDisplay(v: ResolvedValue | undefined): string {
  if (!v || v.value === null || !Number.isFinite(v.value)) return '—';
  return /NaN|Infinity|∞/.test(v.display) ? '—' : v.display;
}

function sourceOf(v: ResolvedValue | undefined): string {
  if (!v || v.value === null) return 'none';
  if (v.computed && (v.computed.recordCount > 0 || !v.collected)) return 'computed';
  return v.collected ? 'collected' : 'computed';
}

type SectionInput = { code: string; title: string; level: number; body: string };

/**
 * Renders the sections with the current values of their placeholders (unknown codes: 400 UNKNOWN_INDICATOR).
 * Sections without text are left out, except a level-1 heading whose subsections have text.
 */
export async function renderSections(
  db: DbOrTx,
  report: Pick<ReportRow, 'year'>,
  target: FigureTarget,
  sections: SectionInput[],
  opts: { keepEmpty?: boolean } = {},
): Promise<RenderedSection[]> {
  const period = String(report.year);
  const codes = [...new Set(sections.flatMap((s) => placeholderCodes(s.body)))];
  const values = codes.length
    ? await resolveIndicatorValues(db, {
        ...(target.orgId ? { orgId: target.orgId } : { regionCode: target.regionCode as string }),
        period,
        codes,
      })
    : new Map<string, ResolvedValue>();
  const rendered = sections.map((s): RenderedSection => ({
    code: s.code,
    title: s.title,
    level: s.level,
    paragraphs: parseMarkup(s.body).map((p) => ({
      runs: p.runs.map((r): RenderedRun => {
        if (r.kind === 'text') return r;
        const v = values.get(r.code);
        return {
          kind: 'figure',
          code: r.code,
          name: v?.name ?? r.code,
          unit: v?.unit ?? '',
          display: safeDisplay(v),
          value: v && v.value !== null && Number.isFinite(v.value) ? v.value : null,
          numerator: v?.numerator ?? null,
          denominator: v?.denominator ?? null,
          approx: v?.approx ?? false,
          source: sourceOf(v),
          provenanceUrl: provenanceUrl(r.code, period, target),
          bold: r.bold,
        };
      }),
    })),
  }));
  if (opts.keepEmpty) return rendered;
  return rendered.filter((s, i) => {
    if (s.paragraphs.length) return true;
    if (s.level !== 1) return false;
    for (let j = i + 1; j < rendered.length && (rendered[j]?.level ?? 1) > 1; j++)
      if (rendered[j]?.paragraphs.length) return true;
    return false;
  });
}

/** Plain text of a run list (for tests, search and the audit). */
export function runsText(runs: RenderedRun[]): string {
  return runs.map((r) => (r.kind === 'text' ? r.text : r.display)).join('');
}
