/** Error codes of the enforcement module's lenient-list area (merged into `errorMessages`). */
export const lenientErrorMessages = {
  LENIENT_NOT_CURRENT: {
    status: 409,
    zh: '只能在现行版本的基础上修订清单，请刷新后在最新版本上操作',
    en: 'Only the current version can be revised',
  },
  LENIENT_VERSION_DATE: {
    status: 409,
    zh: '新版本的生效日期须晚于现行版本的生效日期',
    en: 'The new version must take effect after the current one',
  },
  LENIENT_CASE_OUTSIDE_PERIOD: {
    status: 409,
    zh: '案件办理日期不在该清单版本的有效期内，请选择当时有效的清单版本',
    en: 'The case date is outside the list version’s validity',
  },
  LENIENT_EDUCATION_REQUIRED: {
    status: 400,
    zh: '适用不予处罚的，应当对当事人进行教育（行政处罚法第三十三条），请填写教育引导情况',
    en: 'Education record required for non-punishment',
  },
  LENIENT_IMPORT_INVALID: {
    status: 400,
    zh: '导入文件有错误，未导入任何数据，请按错误说明修改后重新导入',
    en: 'The import file has errors; nothing was imported',
  },
} as const;
