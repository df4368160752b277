/** Error codes of the enterprise-inspection area (涉企行政检查, DOMAIN.md §4.5), merged into `errorMessages`. */
export const inspectionsErrorMessages = {
  INSPECTION_NOT_ENFORCEMENT_BODY: {
    status: 409,
    zh: '本单位不是已确认的行政执法主体，不能制定检查事项、检查计划或实施行政检查',
    en: 'Your organisation is not a confirmed law-enforcement body',
  },
  INSPECTION_ITEM_NOT_LISTED: {
    status: 409,
    zh: '清单之外无检查：该检查事项不在本机关已公布的涉企行政检查事项清单中，请先公布该事项或选择清单内事项',
    en: 'The item is not on the body’s published inspection-item list',
  },
  INSPECTION_OFFICERS_TOO_FEW: {
    status: 409,
    zh: '行政检查应当由两名以上具有行政执法资格的执法人员实施（行政处罚法第四十二条），请至少选择两名当日执法证件有效的人员',
    en: 'At least two officers with a certificate valid that day are required',
  },
  INSPECTION_CERTIFICATE_INVALID: {
    status: 409,
    zh: '以下执法人员在检查当日没有有效的行政执法证件，不得实施检查',
    en: 'Some officers had no valid certificate on the inspection day',
  },
  INSPECTION_CAP_EXCEEDED: {
    status: 409,
    zh: '本次检查将超过同一机关对同一企业的年度检查次数上限；确需检查的，请填写超限理由（overrideReason）',
    en: 'The yearly inspection cap would be exceeded; give an override reason',
  },
  INSPECTION_PLAN_REQUIRED: {
    status: 409,
    zh: '按本地设置，行政检查须列入已备案（批准）的检查计划，请选择检查计划',
    en: 'An approved or filed inspection plan is required',
  },
  INSPECTION_PLAN_NOT_ACCEPTED: {
    status: 409,
    zh: '该检查计划尚未备案（批准）、不包含该检查事项或不是检查当年的计划，不能据此实施检查',
    en: 'The plan is not filed/approved or does not contain the item',
  },
  DRAW_POOL_EMPTY: {
    status: 409,
    zh: '抽取库为空：没有符合条件的检查对象或执法人员，请调整抽取条件或名单',
    en: 'The draw pool is empty',
  },
  DRAW_SIZE_TOO_LARGE: {
    status: 400,
    zh: '抽取数量不能超过抽取库的数量',
    en: 'The draw size exceeds the pool size',
  },
  ENTERPRISE_DUPLICATE: {
    status: 409,
    zh: '该统一社会信用代码的企业已登记',
    en: 'An enterprise with this credit code already exists',
  },
} as const;
