import { ADMIN_ROLES, BUSINESS_ROLES, violatesSeparation, type Role, type User } from '@fazhi/contracts';
import { Alert, Button, Checkbox, Divider, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { showSuccess } from '../../../platform/api';
import { roleLabel, useLabel, useT } from '../../../platform/i18n';
import { useAssignRoles } from '../api';

interface AssignRolesModalProps {
  user: User | null;
  onClose: () => void;
}

/** 分配角色 (安全管理员), with the 三员分立 rule checked before sending. */
export function AssignRolesModal({ user, onClose }: AssignRolesModalProps) {
  const t = useT();
  return (
    <Modal
      open={user !== null}
      title={
        user
          ? t(
              `分配角色：${user.displayName}（${user.username}）`,
              `Roles of ${user.displayName} (${user.username})`,
            )
          : ''
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={560}
    >
      {user && <RolesForm key={user.id} user={user} onClose={onClose} />}
    </Modal>
  );
}

function RolesForm({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const label = useLabel();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const assign = useAssignRoles();
  const violates = violatesSeparation(roles);

  const group = (title: string, list: readonly Role[]) => (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <Flex wrap gap="small" style={{ margin: '8px 0 12px' }}>
        {list.map((r) => (
          <Checkbox
            key={r}
            checked={roles.includes(r)}
            onChange={(e) => setRoles((cur) => (e.target.checked ? [...cur, r] : cur.filter((x) => x !== r)))}
            data-testid={`role-checkbox-${r}`}
          >
            {label(roleLabel(r))}
          </Checkbox>
        ))}
      </Flex>
    </>
  );

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('三员分立', 'Separation of duties (三员分立)')}
        description={t(
          '按照等级保护要求，系统管理员、安全管理员、审计管理员三种管理角色相互独立：一个账户最多担任其中一种，且担任管理角色的账户不能同时担任任何业务角色。业务角色之间可以组合。',
          'The system, security and audit administrator roles are separate: an account holds at most one of them, and an administrator holds no business role. Business roles may be combined.',
        )}
      />
      {group(
        t('管理角色（三员，只能选一个且不能兼任业务角色）', 'Administrator roles (at most one, alone)'),
        ADMIN_ROLES,
      )}
      {group(t('业务角色', 'Business roles'), BUSINESS_ROLES)}
      {violates && (
        <Alert
          type="error"
          showIcon
          data-testid="roles-separation-error"
          title={t(
            '三员分立：系统管理员、安全管理员、审计管理员不能兼任，也不能兼任业务角色',
            'Separation of duties: administrator roles cannot be combined with each other or with business roles',
          )}
        />
      )}
      <Divider style={{ margin: '16px 0' }} />
      <Flex justify="flex-end" gap="small">
        <Button onClick={onClose} data-testid="roles-cancel">
          {t('取消', 'Cancel')}
        </Button>
        <Button
          type="primary"
          disabled={violates}
          loading={assign.isPending}
          data-testid="roles-submit"
          onClick={() =>
            assign.mutate(
              { user, roles },
              {
                onSuccess: () => {
                  showSuccess(t('角色已保存', 'Roles saved'));
                  onClose();
                },
              },
            )
          }
        >
          {t('保存', 'Save')}
        </Button>
      </Flex>
    </>
  );
}
