/** Error codes of the enforcement bodies area (merged into `errorMessages`). */
export const bodiesErrorMessages = {
  BODY_EXISTS: {
    status: 409,
    zh: '该单位已登记为执法主体，请在原记录上修改',
    en: 'The organisation is already registered as an enforcement body',
  },
  BODY_ENTRUSTMENT_INCOMPLETE: {
    status: 400,
    zh: '受委托组织须填写委托机关、委托文件和委托事项（《河南省行政执法条例》第十四条）',
    en: 'An entrusted organisation needs its entrusting organ, document and matters',
  },
  USCC_MISMATCH: {
    status: 409,
    zh: '填写的统一社会信用代码与该单位登记的代码不一致，请核对',
    en: 'USCC differs from the organisation record',
  },
  BODY_ANNOUNCEMENT_INCOMPLETE: {
    status: 400,
    zh: '确认须填写确认机关和确认文件；公告须填写公告文号或公告链接',
    en: 'Confirmation/announcement details missing',
  },
} as const;
