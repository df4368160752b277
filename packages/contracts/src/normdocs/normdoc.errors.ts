/** Error codes of the normative-documents module (merged into `errorMessages`). */
export const normdocErrorMessages = {
  GATE_LEGALITY_REVIEW: {
    status: 409,
    zh: '未经合法性审核或者经审核不合法的，不得提交集体审议',
    en: 'No deliberation without a passed legality review',
  },
  GATE_DELIBERATION: {
    status: 409,
    zh: '未经集体审议通过并签发的文件不能统一登记编号',
    en: 'No registration without deliberation',
  },
  GATE_PUBLIC_COMMENT: {
    status: 409,
    zh: '涉及群众切身利益的文件必须先公开征求意见并说明采纳情况',
    en: 'Public comment is mandatory for this document',
  },
  GATE_FAIR_COMPETITION: {
    status: 409,
    zh: '涉及经营主体经济活动的文件须先完成公平竞争审查',
    en: 'Fair-competition review required',
  },
  GATE_REGISTRATION: {
    status: 409,
    zh: '未统一登记编号的文件不得公布',
    en: 'No publication without a registration number',
  },
  COMMENT_CLOSED: {
    status: 409,
    zh: '征求意见期已结束或尚未开始，不能提交意见',
    en: 'Comment period is closed',
  },
  CHALLENGE_FAILED: { status: 400, zh: '验证题答案不正确，请重新作答', en: 'Anti-spam challenge failed' },
  COMMENT_DAILY_LIMIT: {
    status: 429,
    zh: '您今天对该草案提交的意见已达上限，请明天再提交或将多条意见合并为一条',
    en: 'Daily comment limit for this draft reached',
  },
  COMMENT_RESULTS_PUBLISHED: {
    status: 409,
    zh: '采纳情况说明已公布，意见处理结果不能再修改',
    en: 'Comment results already published',
  },
  ATTACHMENT_TYPE: {
    status: 415,
    zh: '附件类型不符合要求：正式文本须为 .docx 或 .pdf，其他材料可为 .docx/.doc/.pdf/.xlsx/.jpg/.png',
    en: 'Attachment type not allowed',
  },
  ATTACHMENT_TOO_LARGE: { status: 413, zh: '附件过大（单个文件不超过 20 MB）', en: 'Attachment too large' },
  FILING_NOT_ALLOWED: {
    status: 409,
    zh: '文件尚未公布，不能报送备案',
    en: 'Only published documents can be filed',
  },
  REGISTER_ROWS_INVALID: {
    status: 422,
    zh: '发文目录有错误的行，本次未写入任何数据，请按提示修改后重新上传',
    en: 'The register has invalid rows; nothing was written',
  },
  SAMPLE_LOCKED: {
    status: 409,
    zh: '样本中已有条目完成认定，不能重新抽样',
    en: 'The sample is already being classified',
  },
  CLEANUP_UNDECIDED: {
    status: 409,
    zh: '清理清单中仍有未提出处理意见的文件，不能作出清理决定',
    en: 'Some documents of the worklist have no result yet',
  },
  CLEANUP_NOT_EFFECTIVE: {
    status: 409,
    zh: '清理决定尚未生效，生效日期之后才能执行清理结果',
    en: 'The clean-up decision is not yet effective',
  },
  EVALUATION_NOT_ISSUED: {
    status: 409,
    zh: '只能对已公布施行的文件开展后评估',
    en: 'Only issued documents can be evaluated',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
