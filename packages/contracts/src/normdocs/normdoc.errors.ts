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
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
