import { gradeFor, type EvalGradeBands, type EvalScoreInput, type EvaluationGrade } from '@fazhi/contracts';
import { AppError } from '../../../platform/errors';
import type { TemplateItemRow } from './evaluation.tables';

/**
 * Scores one file against the template (DOMAIN.md §4.7, LOCAL EXAMPLE): any veto item hit → 不合格 with score 0,
 * whatever the other items; otherwise total = Σ item scores (each between 0 and the item's points) and the grade
 * comes from the template's thresholds.
 */
export function scoreFile(
  items: TemplateItemRow[],
  bands: EvalGradeBands,
  input: Pick<EvalScoreInput, 'scores' | 'vetoHits'>,
): { total: number; grade: EvaluationGrade } {
  const byCode = new Map(items.map((i) => [i.code, i]));
  for (const code of input.vetoHits) {
    if (!byCode.get(code)?.veto)
      throw new AppError('EVALUATION_SCORE_INVALID', `“${code}”不是该评查标准的否决项`);
  }
  let total = 0;
  for (const [code, pts] of Object.entries(input.scores)) {
    const item = byCode.get(code);
    if (!item || item.veto)
      throw new AppError('EVALUATION_SCORE_INVALID', `“${code}”不是该评查标准的计分项目`);
    if (pts > item.points)
      throw new AppError('EVALUATION_SCORE_INVALID', `“${item.name}”得分不能超过该项分值 ${item.points} 分`);
    total += pts;
  }
  const missing = items.filter((i) => !i.veto && !(i.code in input.scores));
  if (missing.length && input.vetoHits.length === 0)
    throw new AppError(
      'EVALUATION_SCORE_INVALID',
      `请为以下项目评分：${missing.map((i) => i.name).join('、')}`,
    );
  const veto = input.vetoHits.length > 0;
  total = veto ? 0 : Math.round(total * 10) / 10;
  return { total, grade: gradeFor(total, veto, bands) };
}
