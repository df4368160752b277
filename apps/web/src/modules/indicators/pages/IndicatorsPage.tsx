import { PlusOutlined } from '@ant-design/icons';
import { INDICATOR_KINDS, INDICATOR_ROLLUPS, type Indicator, type IndicatorKind } from '@fazhi/contracts';
import { Button, Col, Flex, Input, Row, Select, Table, Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { hasAction, useCan } from '../../../platform/access';
import { ExportButton } from '../../../platform/api';
import { useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard, testIdProps } from '../../../platform/ui';
import { indicatorQuery, useIndicatorGroups, useIndicators, type IndicatorFilters } from '../api/catalogue';
import { IndicatorDrawer } from '../components/IndicatorDrawer';

const KIND_COLORS: Record<IndicatorKind, string> = {
  computed: 'blue',
  collected: 'green',
  derived: 'purple',
};
const FILTER_KEYS = ['group', 'kind', 'q'] as const;

/** 指标目录: the catalogue by group (INDICATORS.md G1…G9), with kind, unit and definition; local indicators. */
export function IndicatorsPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const { values, update } = useUrlFilters(FILTER_KEYS, 500);
  const filters: IndicatorFilters = {
    group: values.group,
    kind: values.kind as IndicatorKind | undefined,
    q: values.q,
  };
  const list = useIndicators(filters);
  const groups = useIndicatorGroups();
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [creating, setCreating] = useState(false);

  const treeData = useMemo<DataNode[]>(() => {
    const items = groups.data?.items ?? [];
    const node = (code: string, name: string, count: number): DataNode => ({
      key: code,
      title: `${code} ${name}${count ? `（${count}）` : ''}`,
    });
    return items
      .filter((g) => !g.parentCode)
      .map((g) => {
        const children = items.filter((c) => c.parentCode === g.code);
        const total = g.count + children.reduce((a, c) => a + c.count, 0);
        return {
          ...node(g.code, g.name, total),
          children: children.length ? children.map((c) => node(c.code, c.name, c.count)) : undefined,
        };
      });
  }, [groups.data]);

  return (
    <PageCard
      title={t('指标目录', 'Indicator catalogue')}
      testId="indicators-page"
      extra={
        <>
          <ExportButton
            listPath="/api/indicators"
            filters={indicatorQuery(filters)}
            fileBaseName={t('指标目录', 'indicators')}
            testId="indicators-export"
          />
          {can('indicator.manage') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="indicator-create"
            >
              {t('新增本地指标', 'New local indicator')}
            </Button>
          )}
        </>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={6} lg={5}>
          <Typography.Text type="secondary">{t('指标分组', 'Groups')}</Typography.Text>
          <Tree
            blockNode
            defaultExpandAll
            selectedKeys={filters.group ? [filters.group] : []}
            onSelect={(keys) => update({ group: keys[0] as string | undefined })}
            treeData={treeData}
            style={{ marginTop: 8 }}
            data-testid="indicator-groups"
          />
        </Col>
        <Col xs={24} md={18} lg={19}>
          <Flex gap="small" wrap style={{ marginBottom: 12 }}>
            <Select<IndicatorKind>
              allowClear
              style={{ width: 160 }}
              placeholder={t('来源', 'Source')}
              value={filters.kind}
              onChange={(kind) => update({ kind })}
              options={(Object.keys(INDICATOR_KINDS) as IndicatorKind[]).map((k) => ({
                value: k,
                label: label(INDICATOR_KINDS[k]),
              }))}
              {...testIdProps('indicator-kind-filter')}
            />
            <Input.Search
              allowClear
              defaultValue={filters.q}
              style={{ width: 280 }}
              placeholder={t('指标名称、代码或口径', 'Name, code or definition')}
              onSearch={(q) => update({ q: q.trim() || undefined })}
              data-testid="indicator-search"
            />
            {filters.group && (
              <Button onClick={() => update({ group: undefined })}>{t('全部分组', 'All groups')}</Button>
            )}
          </Flex>
          <Table<Indicator>
            rowKey="code"
            size="middle"
            loading={list.isLoading}
            dataSource={list.data?.items}
            data-testid="indicators-table"
            pagination={{
              defaultPageSize: 50,
              showSizeChanger: true,
              showTotal: (n) => t(`共 ${n} 项`, `${n} indicators`),
            }}
            expandable={{
              expandedRowRender: (i) => (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  <Typography.Text strong>{t('口径：', 'Definition: ')}</Typography.Text>
                  {i.definition || t('（未填写）', '(none)')}
                  {i.numeratorCode && (
                    <>
                      <br />
                      {t('分子：', 'Numerator: ')}
                      {i.numeratorCode}；{t('分母：', 'denominator: ')}
                      {i.denominatorCode}
                    </>
                  )}
                </Typography.Paragraph>
              ),
            }}
            columns={[
              {
                title: t('分组', 'Group'),
                dataIndex: 'groupCode',
                width: 70,
                render: (_v, i) => (
                  <Tooltip title={i.groupName}>
                    <Tag>{i.groupCode ?? '—'}</Tag>
                  </Tooltip>
                ),
              },
              {
                title: t('指标名称', 'Name'),
                dataIndex: 'name',
                width: 320,
                render: (_v, i) => (
                  <>
                    {i.name}
                    {i.local && (
                      <Tag color="gold" style={{ marginLeft: 6 }}>
                        {t('本地', 'Local')}
                        {i.ownerRegionName ? `·${i.ownerRegionName}` : ''}
                      </Tag>
                    )}
                    {!i.active && <Tag style={{ marginLeft: 6 }}>{t('停用', 'Inactive')}</Tag>}
                    <div>
                      <Typography.Text type="secondary" copyable style={{ fontSize: 12 }}>
                        {i.code}
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              { title: t('单位', 'Unit'), dataIndex: 'unit', width: 70 },
              {
                title: t('来源', 'Source'),
                dataIndex: 'kind',
                width: 110,
                render: (_v, i) => (
                  <>
                    <Tag color={KIND_COLORS[i.kind]}>{label(INDICATOR_KINDS[i.kind])}</Tag>
                    {i.sourceModule === 'normdocs' && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('规范性文件记录', 'Normative-doc records')}
                        </Typography.Text>
                      </div>
                    )}
                  </>
                ),
              },
              {
                title: t('汇总', 'Roll-up'),
                dataIndex: 'rollup',
                width: 120,
                render: (_v, i) => label(INDICATOR_ROLLUPS[i.rollup]),
              },
              {
                title: t('口径', 'Definition'),
                dataIndex: 'definition',
                ellipsis: true,
                render: (_v, i) => (
                  <Typography.Text type="secondary">
                    v{i.definitionVersion} {i.definition}
                  </Typography.Text>
                ),
              },
              {
                title: t('操作', 'Actions'),
                key: 'actions',
                width: 80,
                render: (_v, i) =>
                  hasAction(i, 'edit') ? (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setEditing(i)}
                      data-testid={`indicator-edit-${i.code}`}
                    >
                      {t('编辑', 'Edit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Col>
      </Row>
      <IndicatorDrawer
        open={creating || !!editing}
        indicator={editing}
        groups={groups.data?.items ?? []}
        onClose={() => {
          setCreating(false);
          setEditing(null);
        }}
      />
    </PageCard>
  );
}
