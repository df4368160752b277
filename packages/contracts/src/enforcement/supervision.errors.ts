/** Error codes of the enforcement-supervision area (merged into `errorMessages`). */
export const supervisionErrorMessages = {
  SUPERVISION_RESPONSE_LATE: {
    status: 409,
    zh: '已超过监督意见书规定的反馈期限，不能再反馈；如确需延期，请由执法监督机构先登记延长期限',
    en: 'The response deadline has passed; an extension must be recorded first',
  },
  SUPERVISION_NOT_ENFORCEMENT_BODY: {
    status: 400,
    zh: '被监督单位须为行政执法主体（单位已标记为行政执法主体）',
    en: 'The target must be a law-enforcement body',
  },
  SUPERVISION_ITEM_UNKNOWN: {
    status: 400,
    zh: '反馈的整改事项不属于该监督文书，请刷新后重试',
    en: 'Unknown notice item',
  },
} as const;
