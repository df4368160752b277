/** Error codes of the enforcement module's case-file evaluation area (merged into `errorMessages`). */
export const evaluationErrorMessages = {
  EVALUATION_ALREADY_DRAWN: {
    status: 409,
    zh: '本次评查已抽取案卷，不能重复抽取',
    en: 'Files already drawn',
  },
  EVALUATION_NO_FILES: {
    status: 409,
    zh: '参加评查的单位在评查年度内没有登记案卷，无法抽取',
    en: 'No case files to draw from',
  },
  EVALUATION_SCORE_INVALID: {
    status: 400,
    zh: '评分不符合评查标准：请检查评查项目代码及各项得分不超过该项分值',
    en: 'Scores do not match the template',
  },
  EVALUATION_SCOPE_ORG: {
    status: 400,
    zh: '参加评查的单位须为本辖区内的单位',
    en: 'Scope organisations must be in the jurisdiction',
  },
  RECTIFICATION_DONE: { status: 409, zh: '该整改事项已完成', en: 'Rectification already done' },
} as const;
