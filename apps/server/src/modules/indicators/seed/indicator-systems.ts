/*
 * Indicator systems seeded at start-up. 《市县法治政府建设示范指标体系（2021年版）》 (中央依法治国办): only
 * the opening verified in DOMAIN.md §10.4 is entered (一、 > 1. > (1)–(3)); the rest is to be added from the
 * full text supplied by the provincial 依法治省办, so the edition stays a draft marked as partial.
 * Third-level numbers run consecutively across the whole system.
 */
export type SeedSystemItem = {
  number: string;
  text: string;
  evidenceRequirements?: string[];
  indicatorCodes?: string[];
  children?: SeedSystemItem[];
};

export type SeedSystem = {
  code: string;
  name: string;
  edition: string;
  status: 'draft' | 'active' | 'retired';
  note: string;
  items: SeedSystemItem[];
};

export const INDICATOR_SYSTEM_SEEDS: SeedSystem[] = [
  {
    code: 'city_county_demonstration',
    name: '市县法治政府建设示范指标体系',
    edition: '2021年版',
    status: 'draft',
    note:
      '部分录入：仅含已核实的开头部分（一、政府职能依法全面履行 > 1.加大简政放权力度 > (1)—(3)，见 DOMAIN.md §10.4）。' +
      '各来源对指标数量说法不一（9项一级/32项二级/100项三级，或10/34/104），其余条目待依法治省办提供完整文本后补录。',
    items: [
      {
        number: '一',
        text: '政府职能依法全面履行',
        children: [
          {
            number: '1',
            text: '加大简政放权力度',
            children: [
              {
                number: '(1)',
                text: '行政审批服务“马上办、网上办、就近办、一次办、自助办”，审批事项在法定时限内办结，并持续压减审批时限。',
                evidenceRequirements: [
                  '政务服务事项清单及承诺办理时限',
                  '网上可办、就近办、自助办事项统计',
                  '审批时限压减情况说明',
                ],
                indicatorCodes: [
                  'no_visit_approval_items',
                  'no_visit_approval_share',
                  'gov_service_items_online',
                  'nearby_service_items',
                  'self_service_kiosk_items',
                ],
              },
              {
                number: '(2)',
                text: '依法实施行政许可，全面取消非行政许可审批，不得以备案、登记、行政确认、征求意见等方式变相设定行政许可。',
                evidenceRequirements: [
                  '行政许可事项清单',
                  '取消非行政许可审批的文件',
                  '变相许可专项清理情况',
                ],
                indicatorCodes: ['power_list_items_adjusted'],
              },
              {
                number: '(3)',
                text: '清理规范行政审批中介服务，保留的中介服务事项实行清单管理，明确办理时限、工作流程、申报条件、收费标准并向社会公开，中介机构与政府部门脱钩。',
                evidenceRequirements: [
                  '行政审批中介服务事项清单（含时限、流程、条件、收费）及公开截图',
                  '中介机构脱钩情况说明',
                ],
                indicatorCodes: [],
              },
            ],
          },
        ],
      },
    ],
  },
];
