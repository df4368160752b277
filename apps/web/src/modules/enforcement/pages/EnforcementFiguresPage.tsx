import { InfoCircleOutlined } from '@ant-design/icons';
import type { EnforcementFigure, EnforcementFigureRecord } from '@fazhi/contracts';
import { Alert, Button, Drawer, Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ExportButton, errorText } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { ScopePeriodFilters } from '../../org';
import {
  enforcementFigureQuery,
  useEnforcementFigureRecords,
  useEnforcementFigures,
  type EnforcementFigureDrill,
  type EnforcementFigureFilters,
} from '../api/figures';

const FILTER_KEYS = ['by', 'regionCode', 'orgId', 'from', 'to'] as const;
const FAMILY_NAMES: Record<string, [string, string]> = {
  certificates: ['执法证件', 'Certificates'],
  training: ['培训', 'Training'],
  inspections: ['涉企行政检查', 'Inspections'],
  inspection_subjects: ['涉企行政检查', 'Inspections'],
  evaluation_files: ['案卷评查', 'Case-file evaluation'],
  evaluation_rectifications: ['案卷评查', 'Case-file evaluation'],
  supervision_notices: ['执法监督', 'Supervision'],
  supervision_problems: ['执法监督', 'Supervision'],
  supervision_interviews: ['执法监督', 'Supervision'],
  supervision_accountability: ['执法监督', 'Supervision'],
  lenient_items: ['包容审慎监管清单', 'Lenient lists'],
  lenient_cases: ['包容审慎监管清单', 'Lenient lists'],
  delegated_powers: ['乡镇赋权', 'Delegated powers'],
};
const show = (f: EnforcementFigure) => (f.value === null ? '—' : `${f.value}${f.unit === '%' ? '%' : ''}`);

/** 执法统计: the enforcement figures for a region (with its subtree) or an organisation, with drill-down. */
export function EnforcementFiguresPage() {
  const t = useT();
  const { values, update } = useUrlFilters(FILTER_KEYS);
  const by = values.by === 'org' ? 'org' : 'region';
  const year = dayjs().format('YYYY');
  const filters: EnforcementFigureFilters = {
    regionCode: by === 'region' ? values.regionCode : undefined,
    orgId: by === 'org' ? values.orgId : undefined,
    from: values.from ?? `${year}-01-01`,
    to: values.to ?? dayjs().format('YYYY-MM-DD'),
  };
  const figures = useEnforcementFigures(filters);
  const [drill, setDrill] = useState<EnforcementFigureDrill | null>(null);
  const data = figures.data;

  const columns: TableColumnsType<EnforcementFigure> = [
    {
      title: t('类别', 'Area'),
      dataIndex: 'family',
      width: 140,
      render: (f: string) => {
        const n = FAMILY_NAMES[f];
        return n ? t(n[0], n[1]) : f;
      },
    },
    {
      title: t('指标', 'Figure'),
      dataIndex: 'name',
      render: (name: string, f) => (
        <Flex gap={6} align="center">
          {name}
          <Tooltip title={`${f.definition}（${t('口径版本', 'definition version')} ${f.definitionVersion}）`}>
            <InfoCircleOutlined style={{ color: '#999' }} data-testid={`enf-figure-definition-${f.code}`} />
          </Tooltip>
        </Flex>
      ),
    },
    {
      title: t('数值', 'Value'),
      width: 120,
      align: 'right',
      render: (_, f) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setDrill({ code: f.code, page: 1, pageSize: 50 })}
          data-testid={`enf-figure-value-${f.code}`}
        >
          {show(f)}
        </Button>
      ),
    },
    { title: t('分子', 'Numerator'), dataIndex: 'numerator', width: 100, align: 'right' },
    {
      title: t('分母', 'Denominator'),
      dataIndex: 'denominator',
      width: 90,
      align: 'right',
      render: (d: number | null) => d ?? '—',
    },
    { title: t('单位', 'Unit'), dataIndex: 'unit', width: 70 },
  ];

  return (
    <PageCard
      title={t('行政执法统计数据', 'Enforcement figures')}
      testId="enforcement-figures-page"
      extra={
        <ExportButton
          listPath="/api/enforcement/figures"
          filters={enforcementFigureQuery(filters)}
          fileBaseName={t('行政执法统计', 'enforcement-figures')}
          testId="enf-figures-export"
        />
      }
    >
      <ScopePeriodFilters values={values} period={filters} update={update} testIdPrefix="enf-figures" />
      {figures.error && (
        <Alert type="error" showIcon message={errorText(figures.error)} style={{ marginBottom: 12 }} />
      )}
      {data && (
        <Typography.Paragraph type="secondary" data-testid="enf-figures-scope">
          {t(
            `${data.scope.name}，${data.scope.from} 至 ${data.scope.to}。区划数据含全部下级单位；比率由分子、分母合计后重新计算。点击数值查看明细。`,
            `${data.scope.name}, ${data.scope.from} to ${data.scope.to}. A region includes everything below it; rates are recomputed from summed numerators and denominators. Click a value for the records.`,
          )}
        </Typography.Paragraph>
      )}
      {!!data?.missingFamilies.length && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(
            `以下数据尚未启用，相关指标暂不统计：${data.missingFamilies.join('、')}`,
            `Not yet available: ${data.missingFamilies.join(', ')}`,
          )}
        />
      )}
      <Table<EnforcementFigure>
        rowKey="code"
        size="small"
        loading={figures.isFetching}
        columns={columns}
        dataSource={data?.figures ?? []}
        pagination={false}
        data-testid="enf-figures-table"
      />
      <RecordsDrawer filters={filters} drill={drill} onChange={setDrill} figures={data?.figures ?? []} />
    </PageCard>
  );
}

function RecordsDrawer({
  filters,
  drill,
  onChange,
  figures,
}: {
  filters: EnforcementFigureFilters;
  drill: EnforcementFigureDrill | null;
  onChange: (d: EnforcementFigureDrill | null) => void;
  figures: EnforcementFigure[];
}) {
  const t = useT();
  const records = useEnforcementFigureRecords(filters, drill);
  const fig = figures.find((f) => f.code === drill?.code);
  const isRate = fig?.denominator !== null && fig?.denominator !== undefined;
  const columns: TableColumnsType<EnforcementFigureRecord> = [
    { title: t('记录', 'Record'), dataIndex: 'title' },
    { title: t('单位', 'Organisation'), dataIndex: 'orgName', width: 200 },
    { title: t('日期', 'Date'), dataIndex: 'date', width: 110, render: (d: string | null) => d ?? '—' },
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
      title={fig ? `${fig.name}：${show(fig)}${fig.unit === '%' ? '' : fig.unit}` : t('明细', 'Records')}
      data-testid="enf-figure-records-drawer"
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
      <Table<EnforcementFigureRecord>
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
        data-testid="enf-figure-records"
      />
    </Drawer>
  );
}
