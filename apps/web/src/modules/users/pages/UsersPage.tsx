import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { roleNames, type Role, type User } from '@fazhi/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Input, Select } from 'antd';
import { useCallback, useState } from 'react';
import { useCan } from '../../../platform/access';
import { ExportButton, ImportDialog } from '../../../platform/api';
import { roleLabel, useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { userKeys, userQuery, useUsers, type UserFilters } from '../api';
import { AssignRolesModal, ResetPasswordModal, UserFormDrawer, UserTable } from '../components';

const FILTER_KEYS = ['q', 'orgId', 'role'] as const;

type FormState = { open: false } | { open: true; user: User | null };

/** 用户管理 — 系统管理员 maintains accounts; 安全管理员 assigns roles, unlocks, resets passwords. */
export function UsersPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const queryClient = useQueryClient();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const [form, setForm] = useState<FormState>({ open: false });
  const [rolesOf, setRolesOf] = useState<User | null>(null);
  const [resetOf, setResetOf] = useState<User | null>(null);
  const [importOpen, setImportOpen] = useState(false);

  const filters: UserFilters = {
    q: values.q,
    orgId: values.orgId,
    role: values.role as Role | undefined,
    page,
    pageSize,
  };
  const users = useUsers(filters);
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
    [queryClient],
  );

  return (
    <PageCard
      title={t('用户管理', 'Users')}
      testId="users-page"
      extra={
        <>
          {can('user.import') && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="user-import">
              {t('导入', 'Import')}
            </Button>
          )}
          <ExportButton
            listPath="/api/users"
            filters={userQuery(filters)}
            fileBaseName={t('用户', 'users')}
            testId="user-export"
          />
          {can('user.write') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ open: true, user: null })}
              data-testid="user-create"
            >
              {t('新建用户', 'New user')}
            </Button>
          )}
        </>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索用户名、姓名或单位', 'Search username, name or organisation')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 260 }}
          data-testid="user-search"
        />
        <OrgTreeSelect
          value={values.orgId}
          onChange={(orgId) => update({ orgId })}
          placeholder={t('全部单位', 'All organisations')}
          style={{ width: 240 }}
          testId="user-filter-org"
        />
        <Select<Role>
          allowClear
          value={filters.role}
          placeholder={t('全部角色', 'All roles')}
          options={roleNames.map((r) => ({ value: r, label: label(roleLabel(r)) }))}
          onChange={(role) => update({ role })}
          style={{ width: 170 }}
          data-testid="user-filter-role"
        />
      </Flex>
      <UserTable
        users={users.data?.items ?? []}
        total={users.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={users.isFetching}
        onPage={(p, size) => update({ page: p, pageSize: size })}
        onEdit={(user) => setForm({ open: true, user })}
        onAssignRoles={setRolesOf}
        onResetPassword={setResetOf}
      />
      <UserFormDrawer
        open={form.open}
        user={form.open ? form.user : null}
        onClose={() => setForm({ open: false })}
      />
      <AssignRolesModal user={rolesOf} onClose={() => setRolesOf(null)} />
      <ResetPasswordModal user={resetOf} onClose={() => setResetOf(null)} />
      <ImportDialog
        kind="users"
        title={t('导入用户', 'Import users')}
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onSucceeded={refresh}
      />
    </PageCard>
  );
}
