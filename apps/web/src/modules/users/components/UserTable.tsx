import type { User } from '@fazhi/contracts';
import { Space, Table, Tag, type TableColumnsType } from 'antd';
import { formatDateTime } from '../../../platform/format';
import { roleLabel, useLabel, useT } from '../../../platform/i18n';
import { UserActions } from './UserActions';

interface UserTableProps {
  users: User[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (user: User) => void;
  onAssignRoles: (user: User) => void;
  onResetPassword: (user: User) => void;
}

export function UserTable({ users, total, page, pageSize, loading, onPage, ...actions }: UserTableProps) {
  const t = useT();
  const label = useLabel();
  const columns: TableColumnsType<User> = [
    {
      title: t('用户名', 'Username'),
      dataIndex: 'username',
      width: 130,
      render: (v: string) => <span data-testid={`user-row-${v}`}>{v}</span>,
    },
    { title: t('姓名', 'Name'), dataIndex: 'displayName', width: 100 },
    { title: t('所属单位', 'Organisation'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('角色', 'Roles'),
      dataIndex: 'roles',
      render: (_v, u) => (
        <Space size={4} wrap>
          {u.roles.length === 0 ? (
            <Tag>{t('未分配', 'None')}</Tag>
          ) : (
            u.roles.map((r) => (
              <Tag key={r} color="blue">
                {label(roleLabel(r))}
              </Tag>
            ))
          )}
        </Space>
      ),
    },
    {
      title: t('手机号码', 'Mobile'),
      dataIndex: 'mobile',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('职务', 'Position'),
      dataIndex: 'position',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('状态', 'Status'),
      key: 'status',
      width: 130,
      render: (_v, u) => (
        <Space size={4} wrap>
          {u.disabled && <Tag>{t('已停用', 'Disabled')}</Tag>}
          {u.locked && <Tag color="red">{t('已锁定', 'Locked')}</Tag>}
          {u.mustChangePassword && <Tag color="orange">{t('待改密', 'Must change password')}</Tag>}
          {!u.disabled && !u.locked && !u.mustChangePassword && (
            <Tag color="green">{t('正常', 'Active')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('最近登录', 'Last sign-in'),
      dataIndex: 'lastLoginAt',
      width: 160,
      render: (v: string | null) => formatDateTime(v),
    },
    {
      title: t('操作', 'Actions'),
      key: 'actions',
      width: 230,
      fixed: 'right',
      render: (_v, u) => <UserActions user={u} {...actions} />,
    },
  ];
  return (
    <Table<User>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      scroll={{ x: 1300 }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        showTotal: (n) => t(`共 ${n} 条`, `${n} in total`),
        onChange: onPage,
      }}
      data-testid="user-table"
    />
  );
}
