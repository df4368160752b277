/** Error codes of the indicators, collection and annual-report modules (merged into `errorMessages`). */
export const reportingErrorMessages = {
  UNKNOWN_INDICATOR: {
    status: 400,
    zh: '引用了不存在的指标，请检查指标代码',
    en: 'Unknown indicator',
  },
  COLLECTION_CLOSED: {
    status: 409,
    zh: '填报已截止或已提交，不能再修改；如需更正请联系司法局退回',
    en: 'Collection closed',
  },
  WRONG_WORKBOOK: {
    status: 400,
    zh: '上传的填报表不是本单位本任务的表格，请下载本单位的填报表后填写上传',
    en: 'Workbook belongs to another organisation or task',
  },
  SECRECY_REVIEW_REQUIRED: {
    status: 409,
    zh: '报告公开前须完成保密审查',
    en: 'Secrecy review required before publication',
  },
  PDF_UNAVAILABLE: {
    status: 503,
    zh: '服务器未安装 LibreOffice，暂不能生成 PDF；请下载 Word 版本',
    en: 'PDF conversion is not available (LibreOffice not installed)',
  },
  COLLECTION_INCOMPLETE: {
    status: 409,
    zh: '还有指标未填写，请填写完整后再提交',
    en: 'Required values are missing',
  },
  WORKBOOK_INVALID: {
    status: 400,
    zh: '填报表中有不符合要求的单元格，请按提示修改后重新上传',
    en: 'The workbook has invalid cells',
  },
  INDICATOR_NOT_LOCAL: {
    status: 409,
    zh: '只能修改本地新增的指标；内置指标（目录和系统计算指标）的口径由系统维护，如需不同口径请新增本地指标',
    en: 'Only local indicators can be edited',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
