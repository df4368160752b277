import type { Org } from '@fazhi/contracts';
import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { hasAction } from '../../../platform/access';
import { showSuccess } from '../../../platform/api';
import { orgTypeLabel, useLabel, useT } from '../../../platform/i18n';
import { buildTree, mapTree } from '../../../platform/tree';
import { ConfirmButton } from '../../../platform/ui';
import { useSetOrgDisabled } from '../api';

type OrgRow = Org & { children?: OrgRow[] };

interface OrgTableProps {
  orgs: Org[];
  loading: boolean;
  onEdit: (org: Org) => void;
}

/** Organisations as a tree table (children by parentId) with the row actions the server allows. */
export function OrgTable({ orgs, loading, onEdit }: OrgTableProps) {
  const t = useT();
  const label = useLabel();
  const toggle = useSetOrgDisabled();

  const rows = useMemo(
    () =>
      mapTree<Org, OrgRow>(
        buildTree(
          orgs,
          (o) => o.id,
          (o) => o.parentId,
        ),
        (o, children) => ({ ...o, children }),
      ),
    [orgs],
  );

  const columns: TableColumnsType<OrgRow> = [
    {
      title: t('单位名称', 'Name'),
      dataIndex: 'name',
      width: 260,
      render: (_v, o) => (
        <span data-testid={`org-row-${o.id}`}>
          {o.name}
          {o.shortName && <span style={{ color: '#8c8c8c' }}>（{o.shortName}）</span>}
        </span>
      ),
    },
    {
      title: t('类型', 'Type'),
      dataIndex: 'type',
      width: 130,
      render: (_v, o) => label(orgTypeLabel(o.type)),
    },
    {
      title: t('统一社会信用代码', 'USCC'),
      dataIndex: 'uscc',
      width: 190,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('机关代字', 'Doc prefix'),
      dataIndex: 'docCodePrefix',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('行政区划', 'Region'), dataIndex: 'regionName', width: 130 },
    {
      title: t('属性', 'Flags'),
      key: 'flags',
      width: 170,
      render: (_v, o) => (
        <Space size={4} wrap>
          {o.isLawEnforcementBody && <Tag color="geekblue">{t('行政执法主体', 'Enforcement body')}</Tag>}
          {o.isReconsiderationOrgan && <Tag color="purple">{t('复议机关', 'Reconsideration organ')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'disabled',
      width: 80,
      render: (_v, o) =>
        o.disabled ? <Tag>{t('已停用', 'Disabled')}</Tag> : <Tag color="green">{t('在用', 'Active')}</Tag>,
    },
    {
      title: t('操作', 'Actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_v, o) => (
        <Space size={0} wrap>
          {hasAction(o, 'update') && (
            <Button type="link" size="small" onClick={() => onEdit(o)} data-testid={`org-edit-${o.id}`}>
              {t('编辑', 'Edit')}
            </Button>
          )}
          {hasAction(o, 'disable') && !o.disabled && (
            <ConfirmButton
              danger
              testId={`org-disable-${o.id}`}
              title={t(`确定停用“${o.name}”？`, `Disable “${o.name}”?`)}
              description={t(
                '停用后该单位不能再被选用；有在用下级单位或用户时不能停用。',
                'It can no longer be chosen.',
              )}
              onConfirm={async () => {
                await toggle.setDisabled(o, true);
                showSuccess(t('已停用', 'Disabled'));
              }}
            >
              {t('停用', 'Disable')}
            </ConfirmButton>
          )}
          {hasAction(o, 'enable') && o.disabled && (
            <ConfirmButton
              testId={`org-enable-${o.id}`}
              title={t(`确定启用“${o.name}”？`, `Enable “${o.name}”?`)}
              onConfirm={async () => {
                await toggle.setDisabled(o, false);
                showSuccess(t('已启用', 'Enabled'));
              }}
            >
              {t('启用', 'Enable')}
            </ConfirmButton>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<OrgRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      expandable={{ defaultExpandAllRows: true }}
      data-testid="org-table"
    />
  );
}
