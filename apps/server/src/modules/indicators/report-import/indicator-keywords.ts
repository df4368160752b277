/*
 * Synonyms and keywords per catalogue indicator, added to the words of its name for matching report text
 * (extract.ts). Only vocabulary belongs here — words a report may use for the same thing — never
 * sentences of a particular report.
 */
export const INDICATOR_KEYWORDS: Record<string, string[]> = {
  legality_reviews_conducted: ['审查议题', '审查文件', '涉法事务', '合法性审核'],
  court_liaison_meetings: ['府院联动', '府检联动', '联席会议', '推进会议', '协调会议', '研判会议'],
  enforcement_issues_identified: ['不规范问题', '梳理问题', '查找问题', '发现问题'],
  lower_level_filed_docs_reviewed: ['审查备案文件', '备案审查文件'],
  village_legal_advisor_consultations: ['法律咨询', '解答咨询'],
  admin_litigation_cases_responded: ['诉讼案件', '应诉案件', '出庭应诉', '参与应诉', '参加应诉'],
  exec_meeting_law_study_sessions: ['集体学法', '专题学法', '学习法律法规', '新修订法律法规'],
  normative_doc_units_sampled: ['抽取单位'],
  normative_docs_sampled: ['抽取文件'],
  enforcement_competition_participants: ['比武'],
};
