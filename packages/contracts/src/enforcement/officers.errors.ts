/** Error codes of the enforcement officers area (merged into `errorMessages`). */
export const officersErrorMessages = {
  OFFICER_NOT_ELIGIBLE: {
    status: 409,
    zh: '该人员不是在编在职人员，不得申领行政执法证件（《河南省行政执法条例》第二十条：工勤人员、劳动合同工、临时工不得取得执法资格）',
    en: 'Only established (在编在职) staff may hold an enforcement certificate',
  },
  OFFICER_DUPLICATE: {
    status: 409,
    zh: '该身份证号码的执法人员已登记，请在执法人员列表中查找并修改原记录',
    en: 'An officer with this ID number already exists',
  },
  ORG_NOT_ENFORCEMENT_BODY: {
    status: 409,
    zh: '所选单位不是行政执法主体，请先由司法行政部门确认其执法主体资格',
    en: 'The organisation is not an enforcement body',
  },
  CERTIFICATE_PERIOD_OVERLAP: {
    status: 409,
    zh: '该人员同类证件的有效期与已有证件重叠，请先注销或换发原证件，或调整有效期',
    en: 'Validity overlaps another certificate of the same kind',
  },
  CERTIFICATE_NUMBER_TAKEN: {
    status: 409,
    zh: '证号已被其他证件使用，请核对证号',
    en: 'Certificate number already used',
  },
  CERTIFICATE_DATE_ORDER: {
    status: 400,
    zh: '日期先后不正确：办理日期不能早于上一次办理日期，有效期起始日不能晚于截止日',
    en: 'Dates out of order',
  },
} as const;
