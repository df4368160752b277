import { InfoCircleOutlined } from '@ant-design/icons';
import {
  NORMDOC_FIGURE_DEFINITIONS,
  type NormdocFigureRecord,
  type NormdocFiguresResult,
  type NormdocFigureValue,
} from '@fazhi/contracts';
import { Alert, Button, Drawer, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExportButton, errorText } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { ScopePeriodFilters } from '../../org';
import {
  figureQuery,
  useFigureRecords,
  useNormdocFigures,
  type FigureDrill,
  type FigureFilters,
} from '../api/figures';

const FILTER_KEYS = ['by', 'regionCode', 'orgId', 'from', 'to'] as const;
/** Figures shown per child region (the full table is above; the export holds every figure per region). */
const BREAKDOWN = [
  'filed_total',
  'filing_rate',
  'timeliness_rate',
  'lawful_rate',
  'prior_review_rate',
  'subordinate_reviewed',
  'correction_rate',
  'unfiled_found',
  'interpretation_rate',
] as const;
const NAMES = new Map(NORMDOC_FIGURE_DEFINITIONS.map((d) => [d.code, d]));

type Cell = Pick<NormdocFigureValue, 'code' | 'value' | 'numerator' | 'denominator'>;
const show = (f: Cell, unit: string) => (f.value === null ? '—' : `${f.value}${unit === '%' ? '%' : ''}`);

/** 统计数据: the module's figures for a region (with its subtree) or an organisation, with drill-down. */
export function FiguresPage() {
  const t = useT();
  const { values, update } = useUrlFilters(FILTER_KEYS);
  const by = values.by === 'org' ? 'org' : 'region';
  const year = dayjs().format('YYYY');
  const filters: FigureFilters = {
    regionCode: by === 'region' ? values.regionCode : undefined,
    orgId: by === 'org' ? values.orgId : undefined,
    from: values.from ?? `${year}-01-01`,
    to: values.to ?? dayjs().format('YYYY-MM-DD'),
  };
  const figures = useNormdocFigures(filters);
  const [drill, setDrill] = useState<FigureDrill | null>(null);
  const open = (code: string, childRegionCode?: string) =>
    setDrill({ code, childRegionCode, page: 1, pageSize: 50 });
  const data: NormdocFiguresResult | undefined = figures.data;

  const valueLink = (f: Cell, unit: string, testId: string, child?: string) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={() => open(f.code, child)}
      data-testid={testId}
    >
      {show(f, unit)}
    </Button>
  );

  const columns: TableColumnsType<NormdocFigureValue> = [
    {
      title: t('指标', 'Figure'),
      dataIndex: 'name',
      render: (name: string, f) => (
        <Flex gap={6} align="center">
          {name}
          <Tooltip title={`${f.definition}（${t('口径版本', 'definition version')} ${f.definitionVersion}）`}>
            <InfoCircleOutlined style={{ color: '#999' }} data-testid={`figure-definition-${f.code}`} />
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('数值', 'Value'),
      width: 120,
      align: 'right',
      render: (_, f) => valueLink(f, f.unit, `figure-value-${f.code}`),
    },
    { title: t('分子', 'Numerator'), dataIndex: 'numerator', width: 90, align: 'right' },
    {
      title: t('分母', 'Denominator'),
      dataIndex: 'denominator',
      width: 90,
      align: 'right',
      render: (d: number | null) => d ?? '—',
    },
    { title: t('单位', 'Unit'), dataIndex: 'unit', width: 70 },
  ];

  type ChildRow = NormdocFiguresResult['byChildRegion'][number];
  const childColumns: TableColumnsType<ChildRow> = [
    {
      title: t('区划', 'Region'),
      dataIndex: 'regionName',
      fixed: 'left',
      width: 180,
      render: (name: string, r) => (r.own ? <Tag>{name}</Tag> : name),
    },
    ...BREAKDOWN.map((code) => {
      const def = NAMES.get(code);
      return {
        title: def?.name ?? code,
        width: 110,
        align: 'right' as const,
        render: (_: unknown, r: ChildRow) => {
          const f = r.figures.find((x) => x.code === code);
          return f
            ? valueLink(f, def?.unit ?? '件', `figure-child-${r.regionCode}-${code}`, r.regionCode)
            : '—';
        },
      };
    }),
  ];

  return (
    <PageCard
      title={t('规范性文件统计数据', 'Normative-document figures')}
      testId="normdoc-figures-page"
      extra={
        <ExportButton
          listPath="/api/normdocs/figures"
          filters={figureQuery(filters)}
          fileBaseName={t('规范性文件统计', 'normdoc-figures')}
          testId="figures-export"
        />
      }
    >
      <ScopePeriodFilters values={values} period={filters} update={update} testIdPrefix="figures" />
      {figures.error && (
        <Alert type="error" showIcon message={errorText(figures.error)} style={{ marginBottom: 12 }} />
      )}
      {data && (
        <Typography.Paragraph type="secondary" data-testid="figures-scope">
          {t(
            `${data.scope.name}，${data.scope.from} 至 ${data.scope.to}。区划数据含全部下级单位；比率由分子、分母合计后重新计算。报备及时率口径：${data.scope.timelinessBase === 'due' ? '按应报备' : '按已报备'}。点击数值查看明细。`,
            `${data.scope.name}, ${data.scope.from} to ${data.scope.to}. A region includes every organisation below it; rates are recomputed from summed numerators and denominators. Click a value for the records.`,
          )}
        </Typography.Paragraph>
      )}
      <Table<NormdocFigureValue>
        rowKey="code"
        size="small"
        loading={figures.isFetching}
        columns={columns}
        dataSource={data?.figures ?? []}
        pagination={false}
        data-testid="figures-table"
      />
      {!!data?.byChildRegion.length && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('分区划情况', 'By child region')}
          </Typography.Title>
          <Table<ChildRow>
            rowKey="regionCode"
            size="small"
            columns={childColumns}
            dataSource={data.byChildRegion}
            pagination={false}
            scroll={{ x: 180 + BREAKDOWN.length * 110 }}
            data-testid="figures-children"
          />
        </>
      )}
      <FigureRecordsDrawer filters={filters} drill={drill} onChange={setDrill} />
    </PageCard>
  );
}

function FigureRecordsDrawer({
  filters,
  drill,
  onChange,
}: {
  filters: FigureFilters;
  drill: FigureDrill | null;
  onChange: (d: FigureDrill | null) => void;
}) {
  const t = useT();
  const records = useFigureRecords(filters, drill);
  const fig = records.data?.figure;
  const isRate = fig?.denominator !== null && fig?.denominator !== undefined;
  const columns: TableColumnsType<NormdocFigureRecord> = [
    {
      title: t('文件 / 记录', 'Document / record'),
      dataIndex: 'title',
      render: (title: string, r) => (r.docId ? <Link to={`/normdocs/${r.docId}`}>{title}</Link> : title),
    },
    { title: t('单位', 'Organisation'), dataIndex: 'orgName', width: 180 },
    { title: t('日期', 'Date'), dataIndex: 'date', width: 110, render: (d: string | null) => d ?? '—' },
    { title: t('说明', 'Details'), dataIndex: 'detail' },
    ...(isRate
      ? [
          {
            title: t('计入分子', 'In numerator'),
            dataIndex: 'inNumerator',
            width: 90,
            render: (v: boolean | null) =>
              v ? <Tag color="green">{t('是', 'Yes')}</Tag> : <Tag>{t('否', 'No')}</Tag>,
          },
        ]
      : []),
  ];
  return (
    <Drawer
      open={!!drill}
      onClose={() => onChange(null)}
      size="large"
      width={960}
      title={
        fig ? `${fig.name}：${fig.value ?? '—'}${fig.unit === '%' ? '%' : fig.unit}` : t('明细', 'Records')
      }
      data-testid="figure-records-drawer"
    >
      {fig && (
        <Typography.Paragraph type="secondary">
          {fig.definition}
          {isRate &&
            t(
              `（分子 ${fig.numerator}，分母 ${fig.denominator}）`,
              ` (numerator ${fig.numerator}, denominator ${fig.denominator})`,
            )}
        </Typography.Paragraph>
      )}
      <Table<NormdocFigureRecord>
        rowKey="id"
        size="small"
        loading={records.isFetching}
        columns={columns}
        dataSource={records.data?.items ?? []}
        pagination={{
          current: drill?.page ?? 1,
          pageSize: drill?.pageSize ?? 50,
          total: records.data?.total ?? 0,
          onChange: (page, pageSize) => drill && onChange({ ...drill, page, pageSize }),
        }}
        data-testid="figure-records"
      />
    </Drawer>
  );
}
