import { PictureOutlined } from '@ant-design/icons';
import { ROLE_SCOPE, type DashboardResult } from '@fazhi/contracts';
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Select, Spin, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ExportButton, errorText, useCurrentUser } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { RegionTreeSelect } from '../../org';
import { dashboardQuery, useDashboard, useIndicatorChoices } from '../api/dashboard';
import { EChart, saveDataUrl, type EChartHandle, type EChartsOption } from '../components/EChart';

/** Indicators shown until the user picks others: figures every reference report states. */
const DEFAULT_CODES = [
  'admin_litigation_cases_responded',
  'reconsideration_cases_received',
  'normative_docs_filed',
];

function lastYears(n: number): string[] {
  const y = new Date().getFullYear();
  return Array.from({ length: n }, (_, i) => String(y - n + 1 + i));
}

/**
 * 数据看板 (issue 4 §6): chosen indicators for a region by year (year-on-year chart) and the ranking of the
 * regions below it; each chart downloads as PNG and its data as Excel.
 */
export function DashboardPage() {
  const t = useT();
  const me = useCurrentUser();
  const regionScope = me.roles.some((r) => ROLE_SCOPE[r] === 'region_tree');
  const [regionCode, setRegionCode] = useState<string | undefined>(undefined);
  const [codes, setCodes] = useState<string[]>(DEFAULT_CODES);
  const [years, setYears] = useState<string[]>(lastYears(3));
  const [trendKind, setTrendKind] = useState<'line' | 'bar'>('bar');
  const [rankCode, setRankCode] = useState<string | undefined>(undefined);
  const [rankYear, setRankYear] = useState<string | undefined>(undefined);
  const trendRef = useRef<EChartHandle>(null);
  const rankRef = useRef<EChartHandle>(null);

  const choices = useIndicatorChoices();
  const filters = { regionCode, codes, years: [...years].sort() };
  const dash = useDashboard(filters);
  const data: DashboardResult | undefined = dash.data;

  const effRankCode = rankCode && codes.includes(rankCode) ? rankCode : codes[0];
  const effRankYear = rankYear && years.includes(rankYear) ? rankYear : [...years].sort().at(-1);

  const trendOption = useMemo<EChartsOption | null>(() => {
    if (!data) return null;
    const self = data.cells.filter((c) => c.self);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.years },
      yAxis: { type: 'value' },
      series: data.indicators.map((ind) => ({
        name: `${ind.name}（${ind.unit}）`,
        type: trendKind,
        data: data.years.map((y) => self.find((c) => c.year === y && c.code === ind.code)?.value ?? null),
      })),
    };
  }, [data, trendKind]);

  const rankRows = useMemo(() => {
    if (!data || !effRankCode || !effRankYear) return [];
    return data.cells
      .filter((c) => !c.self && c.code === effRankCode && c.year === effRankYear)
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  }, [data, effRankCode, effRankYear]);

  const rankIndicator = data?.indicators.find((i) => i.code === effRankCode);
  const rankOption = useMemo<EChartsOption | null>(() => {
    if (!rankRows.length) return null;
    const rows = [...rankRows].reverse(); // largest on top
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 120, right: 48, top: 16, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: rows.map((r) => r.subjectName) },
      series: [
        {
          name: rankIndicator ? `${rankIndicator.name}（${rankIndicator.unit}）` : '',
          type: 'bar',
          data: rows.map((r) => r.value),
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [rankRows, rankIndicator]);

  const png = (ref: React.RefObject<EChartHandle | null>, name: string) => {
    const url = ref.current?.toPng();
    if (url) saveDataUrl(url, `${name}.png`);
  };

  const options = (choices.data?.items ?? [])
    .filter((i) => i.active)
    .map((i) => ({ value: i.code, label: `${i.name}（${i.unit}）` }));
  const yearOptions = lastYears(8).map((y) => ({ value: y, label: y }));

  return (
    <PageCard
      title={t('数据看板', 'Dashboard')}
      testId="indicator-dashboard"
      extra={
        <ExportButton
          listPath="/api/dashboard"
          filters={dashboardQuery(filters)}
          fileBaseName={t('指标看板', 'dashboard')}
          testId="dashboard-export"
        />
      }
    >
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        {regionScope && (
          <div style={{ width: 220 }}>
            <RegionTreeSelect
              value={regionCode}
              onChange={setRegionCode}
              placeholder={t('本级区划', 'My region')}
              testId="dashboard-region"
            />
          </div>
        )}
        <Select
          mode="multiple"
          style={{ minWidth: 360, flex: 1 }}
          value={codes}
          onChange={(v: string[]) => setCodes(v.slice(0, 12))}
          options={options}
          loading={choices.isLoading}
          showSearch={{ optionFilterProp: 'label' }}
          maxTagCount="responsive"
          placeholder={t('选择指标（最多 12 个）', 'Indicators (up to 12)')}
          data-testid="dashboard-codes"
        />
        <Select
          mode="multiple"
          style={{ minWidth: 220 }}
          value={years}
          onChange={(v: string[]) => setYears(v.length ? v : years)}
          options={yearOptions}
          placeholder={t('年度', 'Years')}
          data-testid="dashboard-years"
        />
      </Flex>
      {dash.error && (
        <Alert type="error" showIcon message={errorText(dash.error)} style={{ marginBottom: 16 }} />
      )}
      {codes.length === 0 ? (
        <Empty description={t('请选择指标', 'Choose indicators')} />
      ) : (
        <Spin spinning={dash.isFetching}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={`${t('同比', 'Year on year')}：${data?.scope.name ?? ''}`}
                extra={
                  <Flex gap="small">
                    <Segmented
                      size="small"
                      value={trendKind}
                      onChange={(v) => setTrendKind(v as 'line' | 'bar')}
                      options={[
                        { value: 'bar', label: t('柱状', 'Bar') },
                        { value: 'line', label: t('折线', 'Line') },
                      ]}
                    />
                    <Button
                      size="small"
                      icon={<PictureOutlined />}
                      onClick={() => png(trendRef, `${t('同比', 'trend')}-${data?.scope.name ?? ''}`)}
                      data-testid="trend-png"
                    >
                      PNG
                    </Button>
                    <ExportButton
                      listPath="/api/dashboard"
                      filters={{ ...dashboardQuery(filters), part: 'trend' }}
                      fileBaseName={t('同比数据', 'trend-data')}
                      testId="trend-xlsx"
                    />
                  </Flex>
                }
              >
                {trendOption ? (
                  <EChart ref={trendRef} option={trendOption} testId="trend-chart" />
                ) : (
                  <Empty />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('下级排名', 'Ranking of the regions below')}
                extra={
                  <Flex gap="small" wrap>
                    <Select
                      size="small"
                      style={{ width: 200 }}
                      value={effRankCode}
                      onChange={setRankCode}
                      options={(data?.indicators ?? []).map((i) => ({ value: i.code, label: i.name }))}
                      data-testid="rank-code"
                    />
                    <Select
                      size="small"
                      style={{ width: 90 }}
                      value={effRankYear}
                      onChange={setRankYear}
                      options={[...years].sort().map((y) => ({ value: y, label: y }))}
                      data-testid="rank-year"
                    />
                    <Button
                      size="small"
                      icon={<PictureOutlined />}
                      onClick={() =>
                        png(
                          rankRef,
                          `${t('排名', 'ranking')}-${rankIndicator?.name ?? ''}-${effRankYear ?? ''}`,
                        )
                      }
                      disabled={!rankOption}
                      data-testid="rank-png"
                    >
                      PNG
                    </Button>
                    <ExportButton
                      listPath="/api/dashboard"
                      filters={{
                        regionCode,
                        codes: effRankCode ?? '',
                        years: effRankYear ?? '',
                        part: 'ranking',
                      }}
                      fileBaseName={t('排名数据', 'ranking-data')}
                      testId="rank-xlsx"
                    />
                  </Flex>
                }
              >
                {rankOption ? (
                  <EChart
                    ref={rankRef}
                    option={rankOption}
                    height={Math.max(240, rankRows.length * 28 + 48)}
                    testId="rank-chart"
                  />
                ) : (
                  <Empty
                    description={
                      data?.scope.kind === 'org'
                        ? t('本单位没有下级区划可排名', 'No regions below an organisation')
                        : t('没有下级区划的数据', 'No data for the regions below')
                    }
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t(
              '数值来自业务记录自动计算与各单位填报（含确认的已公开报告导入值）；比率按分子分母汇总后重新计算，不取平均。',
              'Values are computed from records and from submitted (or confirmed imported) values; rates are recomputed from summed numerators and denominators.',
            )}
          </Typography.Paragraph>
        </Spin>
      )}
    </PageCard>
  );
}
