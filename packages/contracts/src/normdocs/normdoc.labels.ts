/** Code → Chinese label maps of the normative-documents module (DOMAIN.md §1.2). */
export const NORMDOC_KINDS = { government: '政府规范性文件', department: '部门规范性文件' } as const;
export type NormdocKind = keyof typeof NORMDOC_KINDS;

export const LEGALITY_OPINIONS = {
  lawful: '合法',
  lawful_after_revision: '修改后合法',
  unlawful: '不合法',
  not_normative: '不属于规范性文件',
} as const;
export type LegalityOpinion = keyof typeof LEGALITY_OPINIONS;

export const DELIBERATION_RESULTS = {
  adopted: '审议通过',
  rejected: '未通过',
  deferred: '暂缓审议',
} as const;
export type DeliberationResult = keyof typeof DELIBERATION_RESULTS;

export const FAIR_COMPETITION_CONCLUSIONS = {
  compliant: '符合公平竞争审查标准',
  revised: '经调整后符合',
  exception: '适用例外规定',
} as const;
export type FairCompetitionConclusion = keyof typeof FAIR_COMPETITION_CONCLUSIONS;

export const ATTACHMENT_KINDS = {
  official_text: '正式文本',
  drafting_note: '起草说明',
  review_opinion: '合法性审核意见书',
  interpretation: '政策解读',
  other: '其他材料',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

export const PUBLISH_CHANNELS = ['政府公报', '政府网站', '政务新媒体', '报刊', '公示栏'] as const;

export const FILING_RECIPIENTS = {
  superior_government: '上一级人民政府',
  same_level_congress: '本级人大常委会',
  same_level_government: '本级人民政府',
  superior_department: '上级主管部门',
} as const;
export type FilingRecipient = keyof typeof FILING_RECIPIENTS;

export const FILING_STATUSES = {
  due: '待报备',
  submitted: '已报送',
  registered: '予以备案登记',
  suspended: '暂缓登记-补正',
  not_accepted: '不予备案',
  under_review: '审查中',
  passed: '审查通过',
  opinion_issued: '已出具审查意见',
  corrected: '已纠正',
  revoked: '已撤销',
} as const;
export type FilingStatus = keyof typeof FILING_STATUSES;

export const FILING_REGISTRATION_RESULTS = {
  registered: '予以备案登记',
  suspended: '暂缓登记-补正',
  not_accepted: '不予备案',
} as const;
export const FILING_REVIEW_RESULTS = {
  passed: '审查通过',
  self_correct: '审查意见-自行纠正',
  ordered_correct: '责令纠正',
  revoked: '撤销',
} as const;

export const REVIEW_ISSUES = {
  exceeds_authority: '超越权限',
  violates_superior_law: '违反上位法',
  reduces_rights: '违法减损权利或增加义务',
  improper_procedure: '程序不当',
  conflicts_superior_docs: '与上级文件冲突',
  inappropriate: '内容不适当',
  unfair_competition: '违反公平竞争',
} as const;
export const REVIEW_HANDLINGS = {
  no_issue: '无问题',
  phone_reminder: '电话提醒',
  written_opinion: '书面审查意见',
  correction_notice: '纠错通知',
  revocation_proposal: '提请撤销',
} as const;
export const CORRECTION_FORMS = { amended: '修改', repealed: '废止', suspended: '停止执行' } as const;

export const CLASSIFICATIONS = {
  normative: '属于规范性文件',
  not_normative: '不属于',
  uncertain: '存疑',
} as const;

export const CLEANUP_KINDS = { full: '全面清理', special: '专项清理', continuous: '动态清理' } as const;
export const CLEANUP_RESULTS = {
  keep: '继续有效',
  amend: '修改',
  repeal: '废止',
  declare_invalid: '宣布失效',
  remove_from_catalog: '剔除目录',
} as const;
export type CleanupResult = keyof typeof CLEANUP_RESULTS;

export const EVALUATION_RECOMMENDATIONS = { continue: '继续施行', amend: '修改', repeal: '废止' } as const;

/**
 * Defaults of the per-jurisdiction settings. Henan 人大常委会 30 days: 河南省实施《监督法》办法 第五十一条 (VERIFIED).
 * Superior government 30 days: not verified for Henan (DOMAIN.md §1.5) — a setting. Comment period 30 days and
 * validity 5 / 2 years: FROM MEMORY (国办发〔2018〕37号) — settings.
 */
export const NORMDOC_DEFAULT_SETTINGS = {
  registrationTemplate: '{abbr}规〔{year}〕{n}号',
  filingDaysSuperiorGovernment: 30,
  filingDaysCongress: 30,
  filingDaysSuperiorDepartment: 30,
  filingDaysSameLevelGovernment: 30,
  commentDays: 30,
  minCommentDays: 7,
  validityYears: 5,
  provisionalValidityYears: 2,
  expiryWarningDays: 90,
  timelinessBase: 'filed' as 'filed' | 'due',
};
export type NormdocSettings = typeof NORMDOC_DEFAULT_SETTINGS;
