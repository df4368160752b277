import { ENFORCEMENT_FIGURE_DEFINITIONS } from '@fazhi/contracts';
import type { SeedIndicator } from '../indicators.seed';

/*
 * The enforcement figures (modules/enforcement/figures, DOMAIN.md §4.10) in the indicator catalogue. The report
 * keys of group G5 that state the same figure become computed indicators of module 'enforcement' (their
 * definition and unit follow the module's 口径); the other figures are added as `enf_<figure>` in G5.
 */
export const ENFORCEMENT_REPORT_KEYS: Record<string, string> = {
  enforcement_certificates_issued: 'cert_issued_enforcement',
  supervision_certificates_issued: 'cert_issued_supervision',
  enforcement_certificates_cancelled: 'cert_cancelled',
  enforcement_certificates_renewed: 'cert_renewed',
  enforcement_certificate_holders: 'cert_held_enforcement',
  supervision_certificate_holders: 'cert_held_supervision',
  enforcement_issue_leads_collected: 'supervision_clues',
  enforcement_issues_identified: 'supervision_problems_found',
  enforcement_issues_rectified: 'supervision_problems_rectified',
  enforcement_officers_held_accountable: 'supervision_accountability',
  enforcement_supervision_opinion_letters: 'supervision_opinions',
  enforcement_supervision_rectification_suggestions: 'supervision_opinion_items',
  case_files_reviewed: 'files_evaluated',
  no_penalty_list_items: 'lenient_items_no_penalty',
  lenient_enforcement_cases: 'lenient_cases',
  fines_waived_reduced_amount: 'lenient_amount',
  township_delegated_penalty_powers: 'delegated_powers_in_effect',
};

const rollupOf = (shape: string): SeedIndicator['rollup'] =>
  shape === 'rate' ? 'rate' : shape === 'ratio' ? 'none' : 'sum';

/** The catalogue with the enforcement figures: mapped report keys turned computed, the rest appended. */
export function withEnforcementFigures(fromReports: SeedIndicator[]): SeedIndicator[] {
  const defs = new Map(ENFORCEMENT_FIGURE_DEFINITIONS.map((d) => [d.code, d]));
  const mapped = fromReports.map((i) => {
    const def = defs.get(ENFORCEMENT_REPORT_KEYS[i.code] ?? '');
    if (!def) return i;
    return {
      ...i,
      unit: def.unit,
      definition: def.definition,
      kind: 'computed' as const,
      rollup: rollupOf(def.shape),
      sourceModule: 'enforcement',
      sourceCode: def.code,
    };
  });
  const used = new Set(Object.values(ENFORCEMENT_REPORT_KEYS));
  const added: SeedIndicator[] = ENFORCEMENT_FIGURE_DEFINITIONS.filter((d) => !used.has(d.code)).map((d) => ({
    code: `enf_${d.code}`,
    name: d.name,
    unit: d.unit,
    definition: d.definition,
    kind: 'computed',
    groupCode: 'G5',
    rollup: rollupOf(d.shape),
    sourceModule: 'enforcement',
    sourceCode: d.code,
  }));
  return [...mapped, ...added];
}
