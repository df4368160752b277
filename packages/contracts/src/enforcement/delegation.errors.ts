/** Error codes of the enforcement module's delegated-township-powers area (merged into `errorMessages`). */
export const delegationErrorMessages = {
  DELEGATION_NOT_TOWNSHIP: {
    status: 400,
    zh: '承接赋权事项的单位应为本辖区内的乡镇（街道）',
    en: 'The receiving organisation must be a township in the jurisdiction',
  },
  DELEGATION_ALREADY_WITHDRAWN: { status: 409, zh: '该赋权事项已收回', en: 'Power already withdrawn' },
  DELEGATION_WITHDRAW_DATE: {
    status: 409,
    zh: '收回日期不能早于该事项的生效日期',
    en: 'Withdrawal cannot precede the effective date',
  },
} as const;
