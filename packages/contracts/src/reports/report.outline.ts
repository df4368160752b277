/**
 * Outline of the annual report (DOMAIN.md §10.1, the five content items of 厅字〔2019〕28号): (1) main
 * measures and results, by area — (一)…(八) follow the indicator groups G1–G8 of INDICATORS.md (the
 * 《法治政府建设实施纲要（2021—2025年）》 chapters that 济源 R3 follows); (2) shortcomings and causes;
 * (3) the principal heads' performance as first persons responsible; (4) plans for the next year;
 * (5) other matters. Section codes are shared with the 填报 narratives (collection_tasks.section_codes).
 */
export const REPORT_KINDS = {
  to_congress: { zh: '向同级党委、人大常委会报告', en: 'To the same-level Party committee / congress' },
  to_superior: { zh: '向上级党委、政府报告（上行文）', en: 'To the higher Party committee and government' },
  department: { zh: '部门向本级政府及上级主管部门报告', en: 'Department report' },
} as const;
export type ReportKind = keyof typeof REPORT_KINDS;
export const reportKindNames = Object.keys(REPORT_KINDS) as ReportKind[];

export type OutlineSection = {
  code: string;
  level: 1 | 2;
  title: string;
  /** Indicator group code prefixes whose figures the 起草助手 writes into this section. */
  groups: string[];
};

const AREAS: OutlineSection[] = [
  { code: 'g1', level: 2, title: '（一）加强党对法治政府建设的领导', groups: ['G1'] },
  { code: 'g2', level: 2, title: '（二）依法全面履行政府职能', groups: ['G2'] },
  { code: 'g3', level: 2, title: '（三）健全依法行政制度体系', groups: ['G3'] },
  { code: 'g4', level: 2, title: '（四）推进科学民主依法决策', groups: ['G4'] },
  { code: 'g5', level: 2, title: '（五）严格规范公正文明执法', groups: ['G5'] },
  { code: 'g6', level: 2, title: '（六）依法预防处置重大突发事件', groups: ['G6'] },
  { code: 'g7', level: 2, title: '（七）依法化解社会矛盾纠纷', groups: ['G7'] },
  { code: 'g8', level: 2, title: '（八）强化行政权力制约和监督', groups: ['G8', 'G9'] },
];

export function reportOutline(kind: ReportKind): OutlineSection[] {
  const heads = kind === 'department' ? '本部门主要负责人' : '党政主要负责人';
  return [
    { code: 'achievements', level: 1, title: '一、主要做法和成效', groups: [] },
    ...AREAS,
    { code: 'problems', level: 1, title: '二、存在的不足和原因', groups: [] },
    {
      code: 'first_responsibility',
      level: 1,
      title: `三、${heads}履行推进法治建设第一责任人职责情况`,
      groups: [],
    },
    { code: 'next_year', level: 1, title: '四、下一年度工作打算', groups: [] },
    { code: 'other', level: 1, title: '五、其他需要报告的事项', groups: [] },
  ];
}

export const REPORT_SECTION_CODES = reportOutline('to_congress').map((s) => s.code);
