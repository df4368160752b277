/**
 * Vocabulary of the generated dataset: names, places, departments, legal bases. Only the shape of the
 * data matters to the benchmark, but realistic lengths and character sets keep row widths, index sizes
 * and JSON payloads honest.
 */
import type { OrgType, PeriodUnit } from '@fazhi/contracts';

/** Common surnames (Henan's most frequent first), with pinyin for usernames; weight ~ frequency rank. */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'],
  ['黄', 'huang'], ['周', 'zhou'], ['吴', 'wu'], ['郭', 'guo'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['高', 'gao'], ['徐', 'xu'], ['何', 'he'], ['宋', 'song'], ['郑', 'zheng'], ['韩', 'han'],
  ['冯', 'feng'], ['许', 'xu'], ['曹', 'cao'], ['杜', 'du'], ['程', 'cheng'], ['魏', 'wei'], ['崔', 'cui'],
  ['邓', 'deng'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['范', 'fan'], ['贾', 'jia'], ['任', 'ren'],
  ['苏', 'su'], ['吕', 'lv'], ['丁', 'ding'], ['梁', 'liang'], ['谢', 'xie'], ['常', 'chang'], ['史', 'shi'],
  ['侯', 'hou'], ['姚', 'yao'], ['付', 'fu'], ['孟', 'meng'], ['牛', 'niu'], ['卢', 'lu'], ['秦', 'qin'],
  ['申', 'shen'], ['段', 'duan'], ['阎', 'yan'], ['薛', 'xue'], ['武', 'wu'], ['乔', 'qiao'], ['焦', 'jiao'],
  ['潘', 'pan'], ['尹', 'yin'], ['雷', 'lei'], ['白', 'bai'], ['岳', 'yue'], ['翟', 'zhai'], ['司', 'si'],
  ['靳', 'jin'], ['蔡', 'cai'], ['罗', 'luo'], ['叶', 'ye'], ['沈', 'shen'], ['姜', 'jiang'], ['彭', 'peng'],
];

/** Characters of given names, with pinyin. */
export const GIVEN: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'], ['玉', 'yu'], ['红', 'hong'], ['建', 'jian'], ['国', 'guo'],
  ['志', 'zhi'], ['文', 'wen'], ['海', 'hai'], ['晓', 'xiao'], ['燕', 'yan'], ['鹏', 'peng'], ['辉', 'hui'],
  ['宇', 'yu'], ['浩', 'hao'], ['凯', 'kai'], ['俊', 'jun'], ['佳', 'jia'], ['欣', 'xin'], ['婷', 'ting'],
  ['雪', 'xue'], ['琳', 'lin'], ['晨', 'chen'], ['博', 'bo'], ['飞', 'fei'], ['鑫', 'xin'], ['瑞', 'rui'],
  ['颖', 'ying'], ['倩', 'qian'], ['慧', 'hui'], ['峰', 'feng'], ['斌', 'bin'], ['亮', 'liang'], ['帅', 'shuai'],
  ['丹', 'dan'], ['萍', 'ping'], ['莉', 'li'], ['新', 'xin'], ['春', 'chun'], ['东', 'dong'], ['振', 'zhen'],
  ['宏', 'hong'], ['永', 'yong'], ['立', 'li'], ['成', 'cheng'], ['嘉', 'jia'], ['梦', 'meng'], ['子', 'zi'],
  ['思', 'si'], ['雨', 'yu'], ['睿', 'rui'], ['轩', 'xuan'], ['涵', 'han'], ['怡', 'yi'], ['昊', 'hao'],
  ['然', 'ran'], ['泽', 'ze'], ['豫', 'yu'], ['中', 'zhong'], ['原', 'yuan'], ['黎', 'li'], ['卫', 'wei'],
];

export const POSITIONS = ['一级科员', '二级科员', '四级主任科员', '三级主任科员', '副科长', '科长', '执法队员', '法制审核员', '办公室主任'];

/**
 * Real county-level divisions (GB/T 2260) added under the demo prefectures, so that townships and
 * departments spread over a realistic number of counties.
 */
export const EXTRA_COUNTIES: readonly { code: string; name: string; parent: string }[] = [
  { code: '411221', name: '渑池县', parent: '411200' },
  { code: '411224', name: '卢氏县', parent: '411200' },
  { code: '411281', name: '义马市', parent: '411200' },
  { code: '411282', name: '灵宝市', parent: '411200' },
  { code: '410402', name: '新华区', parent: '410400' },
  { code: '410403', name: '卫东区', parent: '410400' },
  { code: '410421', name: '宝丰县', parent: '410400' },
  { code: '410422', name: '叶县', parent: '410400' },
  { code: '410423', name: '鲁山县', parent: '410400' },
  { code: '410425', name: '郏县', parent: '410400' },
  { code: '410481', name: '舞钢市', parent: '410400' },
  { code: '410703', name: '卫滨区', parent: '410700' },
  { code: '410711', name: '牧野区', parent: '410700' },
  { code: '410721', name: '新乡县', parent: '410700' },
  { code: '410724', name: '获嘉县', parent: '410700' },
  { code: '410725', name: '原阳县', parent: '410700' },
  { code: '410727', name: '封丘县', parent: '410700' },
  { code: '410781', name: '卫辉市', parent: '410700' },
  { code: '410782', name: '辉县市', parent: '410700' },
];

/** Two-character place names of townships: first + second syllable. */
export const PLACE_FIRST = [
  '东', '西', '南', '北', '前', '后', '上', '下', '大', '小', '新', '老', '高', '石', '柳', '杨', '李', '王', '张',
  '马', '刘', '黄', '白', '青', '龙', '凤', '金', '双', '三', '五', '七', '孟', '仁', '义', '安', '宁', '太', '和',
];
export const PLACE_SECOND = [
  '庄', '营', '店', '集', '寨', '桥', '坡', '沟', '河', '湾', '岭', '岗', '村', '楼', '庙', '铺', '屯', '口', '湖',
  '台', '堡', '园', '泉', '峪', '洼', '头',
];
export const STREET_NAMES = [
  '城关', '东城', '西城', '南关', '北关', '解放路', '人民路', '建设路', '车站', '和平路', '文化路', '新华', '中心', '向阳',
  '前进', '胜利', '东风', '光明', '朝阳', '滨河',
];
export const VILLAGE_SUFFIX = ['村民委员会', '社区居民委员会'];

export type DeptDef = { name: string; short: string; enforcement: boolean };

/** Departments of a 市/县 people's government (县级 names). */
export const DEPARTMENTS: readonly DeptDef[] = [
  { name: '市场监督管理局', short: '市场监管', enforcement: true },
  { name: '城市管理局', short: '城管', enforcement: true },
  { name: '生态环境局', short: '生态环境', enforcement: true },
  { name: '自然资源和规划局', short: '自然资源', enforcement: true },
  { name: '交通运输局', short: '交通运输', enforcement: true },
  { name: '卫生健康委员会', short: '卫健', enforcement: true },
  { name: '应急管理局', short: '应急管理', enforcement: true },
  { name: '农业农村局', short: '农业农村', enforcement: true },
  { name: '文化广电和旅游局', short: '文旅', enforcement: true },
  { name: '住房和城乡建设局', short: '住建', enforcement: true },
  { name: '人力资源和社会保障局', short: '人社', enforcement: true },
  { name: '教育局', short: '教育', enforcement: true },
  { name: '水利局', short: '水利', enforcement: true },
  { name: '公安局', short: '公安', enforcement: true },
  { name: '财政局', short: '财政', enforcement: false },
  { name: '商务局', short: '商务', enforcement: true },
  { name: '发展和改革委员会', short: '发改', enforcement: true },
  { name: '民政局', short: '民政', enforcement: true },
  { name: '综合行政执法局', short: '综合执法', enforcement: true },
];

/** Provincial counterparts (厅/委/局). */
export const PROVINCE_DEPARTMENTS: readonly DeptDef[] = [
  { name: '市场监督管理局', short: '省市场监管', enforcement: true },
  { name: '生态环境厅', short: '省生态环境', enforcement: true },
  { name: '自然资源厅', short: '省自然资源', enforcement: true },
  { name: '交通运输厅', short: '省交通运输', enforcement: true },
  { name: '卫生健康委员会', short: '省卫健', enforcement: true },
  { name: '应急管理厅', short: '省应急', enforcement: true },
  { name: '农业农村厅', short: '省农业农村', enforcement: true },
  { name: '住房和城乡建设厅', short: '省住建', enforcement: true },
  { name: '人力资源和社会保障厅', short: '省人社', enforcement: true },
  { name: '教育厅', short: '省教育', enforcement: true },
  { name: '水利厅', short: '省水利', enforcement: true },
  { name: '发展和改革委员会', short: '省发改', enforcement: true },
];

/** Company-name parts for the subjects of permits and penalties. */
export const FIRM_WORDS = [
  '鑫源', '华豫', '中原', '恒达', '永盛', '宏图', '金穗', '瑞丰', '博远', '天润', '众诚', '豫丰', '黄河', '伏牛', '太行',
  '嵩岳', '广汇', '顺达', '兴业', '润泽', '康宁', '福源', '鼎盛', '同创', '聚力', '汇通', '宝丰', '新天地', '绿源', '丰硕',
];
export const FIRM_TRADES = [
  '商贸', '食品', '建材', '物流', '餐饮管理', '农业科技', '化工', '机械制造', '房地产开发', '医药连锁', '超市', '建筑工程',
  '运输', '环保科技', '酒业', '农产品', '汽车销售', '网络科技',
];
export const VIOLATIONS = [
  '销售过期食品', '未取得许可从事经营活动', '违法排放大气污染物', '占道经营', '发布虚假广告', '超范围经营', '未按规定公示信息',
  '销售不合格产品', '未落实安全生产责任制', '擅自改变房屋用途', '无证运输', '非法占用耕地', '违规处置建筑垃圾',
];
export const DISPUTED_ACTS = [
  '行政处罚决定', '政府信息公开答复', '不予行政许可决定', '责令限期改正通知', '不予受理决定', '行政强制措施', '征收补偿决定',
  '工伤认定结论', '不动产登记行为',
];
export const DISCLOSURE_TOPICS = [
  '征收补偿安置方案', '年度财政预算执行情况', '建设项目环境影响评价文件', '行政执法检查记录', '建设工程规划许可信息',
  '土地征收批复文件', '道路改造工程招标文件', '食品抽检结果', '拆迁评估报告', '行政处罚决定书',
];
export const PERMITS = ['食品经营许可', '建设工程规划许可', '排污许可', '道路运输经营许可', '药品经营许可', '取水许可', '施工许可'];
export const PETITION_ISSUES = ['拖欠农民工工资', '征地补偿标准', '小区物业管理', '噪声扰民', '养老保险待遇', '宅基地纠纷', '道路积水'];
export const RULE_TOPICS = ['城市绿化', '扬尘污染防治', '户外广告设置', '居住区物业', '餐厨废弃物', '地下管线', '历史文化街区保护'];

/** Which organisation types handle a kind of clock. */
export type ClockSpec = {
  key: string;
  legalBasis: string;
  startEvent: string;
  subjectType: string;
  amount: number;
  unit: PeriodUnit;
  warningDays: number;
  /** Relative frequency among clocks. */
  weight: number;
  /** Organisation types that keep this kind of clock. */
  orgTypes: readonly OrgType[];
  /** Only law-enforcement bodies. */
  enforcementOnly?: boolean;
};

/**
 * Statutory time limits of the platform's domain. Amounts and units follow the cited articles:
 *  - 行政复议法 (2023) 第六十二条: 普通程序 60 日内作出决定; 第二十条: 60 日内申请.
 *  - 政府信息公开条例 第三十三条: 20 个工作日内答复.
 *  - 行政处罚法 第六十条: 立案之日起 90 日内作出决定; 第六十四条: 告知后 5 日内要求听证;
 *    第三十六条: 违法行为 2 年内未被发现的不再给予行政处罚.
 *  - 行政许可法 第四十二条: 20 日（工作日，第八十二条）内作出决定; 第五十条: 有效期届满 30 日前申请延续.
 *  - 行政诉讼法 第六十七条: 收到起诉状副本 15 日内答辩; 第四十六条: 6 个月内起诉.
 *  - 国家赔偿法 第十三条: 2 个月内作出是否赔偿的决定.
 *  - 信访工作条例 第三十五条: 受理之日起 60 日内办结.
 *  - 法规规章备案审查条例 第三条: 公布之日起 30 日内报送备案.
 */
export const CLOCK_SPECS: readonly ClockSpec[] = [
  { key: 'recon', legalBasis: '中华人民共和国行政复议法 第六十二条', startEvent: '受理行政复议申请', subjectType: 'reconsideration', amount: 60, unit: 'calendar_days', warningDays: 7, weight: 12, orgTypes: ['justice_bureau', 'government'] },
  { key: 'recon_apply', legalBasis: '中华人民共和国行政复议法 第二十条', startEvent: '知道行政行为之日', subjectType: 'reconsideration', amount: 60, unit: 'calendar_days', warningDays: 7, weight: 3, orgTypes: ['justice_bureau'] },
  { key: 'disclosure', legalBasis: '中华人民共和国政府信息公开条例 第三十三条', startEvent: '收到政府信息公开申请', subjectType: 'disclosure', amount: 20, unit: 'working_days', warningDays: 3, weight: 18, orgTypes: ['government', 'department', 'township'] },
  { key: 'penalty', legalBasis: '中华人民共和国行政处罚法 第六十条', startEvent: '行政处罚立案', subjectType: 'penalty', amount: 90, unit: 'calendar_days', warningDays: 10, weight: 24, orgTypes: ['department', 'township', 'dispatched'], enforcementOnly: true },
  { key: 'hearing', legalBasis: '中华人民共和国行政处罚法 第六十四条', startEvent: '告知听证权利', subjectType: 'penalty', amount: 5, unit: 'calendar_days', warningDays: 1, weight: 3, orgTypes: ['department'], enforcementOnly: true },
  { key: 'limitation', legalBasis: '中华人民共和国行政处罚法 第三十六条', startEvent: '违法行为终了之日', subjectType: 'penalty', amount: 24, unit: 'months', warningDays: 30, weight: 4, orgTypes: ['department', 'township'], enforcementOnly: true },
  { key: 'license', legalBasis: '中华人民共和国行政许可法 第四十二条', startEvent: '受理行政许可申请', subjectType: 'license', amount: 20, unit: 'working_days', warningDays: 3, weight: 14, orgTypes: ['department'] },
  { key: 'license_renew', legalBasis: '中华人民共和国行政许可法 第五十条', startEvent: '作出行政许可决定', subjectType: 'license', amount: 36, unit: 'months', warningDays: 30, weight: 4, orgTypes: ['department'] },
  { key: 'defence', legalBasis: '中华人民共和国行政诉讼法 第六十七条', startEvent: '收到起诉状副本', subjectType: 'litigation', amount: 15, unit: 'calendar_days', warningDays: 3, weight: 5, orgTypes: ['government', 'department', 'township'] },
  { key: 'suit_window', legalBasis: '中华人民共和国行政诉讼法 第四十六条', startEvent: '送达行政行为', subjectType: 'litigation', amount: 6, unit: 'months', warningDays: 15, weight: 3, orgTypes: ['department', 'government'] },
  { key: 'compensation', legalBasis: '中华人民共和国国家赔偿法 第十三条', startEvent: '收到国家赔偿申请', subjectType: 'compensation', amount: 2, unit: 'months', warningDays: 7, weight: 2, orgTypes: ['government', 'department'] },
  { key: 'petition', legalBasis: '信访工作条例 第三十五条', startEvent: '受理信访事项', subjectType: 'petition', amount: 60, unit: 'calendar_days', warningDays: 7, weight: 6, orgTypes: ['government', 'department', 'township'] },
  { key: 'filing', legalBasis: '法规规章备案审查条例 第三条', startEvent: '规章公布', subjectType: 'filing', amount: 30, unit: 'calendar_days', warningDays: 5, weight: 2, orgTypes: ['government'] },
];

export const ORG_TYPE_USER_WEIGHT: Partial<Record<OrgType, number>> = {
  government: 8,
  justice_bureau: 10,
  department: 6,
  township: 5,
  dispatched: 2,
  npc_standing: 2,
  village: 1,
};
