import type { User } from '@fazhi/contracts';
import { App, Button, Descriptions, Space } from 'antd';
import { hasAction } from '../../../platform/access';
import { showSuccess } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { ConfirmButton, testIdProps } from '../../../platform/ui';
import { useUnlockUser, useUpdateUser, useUserSensitive } from '../api';

interface UserActionsProps {
  user: User;
  onEdit: (user: User) => void;
  onAssignRoles: (user: User) => void;
  onResetPassword: (user: User) => void;
}

/**
 * The buttons of one user row, each shown only when the record's `actions` contains it:
 * update, disable, enable, assignRoles, unlock, resetPassword, viewSensitive.
 * Test ids: `user-<action>-<username>`.
 */
export function UserActions({ user, onEdit, onAssignRoles, onResetPassword }: UserActionsProps) {
  const t = useT();
  const { modal } = App.useApp();
  const update = useUpdateUser();
  const unlock = useUnlockUser();
  const sensitive = useUserSensitive();
  const id = (action: string) => `user-${action}-${user.username}`;
  const who = `${user.displayName}（${user.username}）`;

  const showSensitive = async () => {
    const s = await sensitive.mutateAsync(user);
    modal.info({
      title: t(`${who} 的完整信息`, `Full details of ${user.displayName}`),
      content: (
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'id',
              label: t('身份证号', 'ID number'),
              children: <span data-testid="sensitive-id-number">{s.idNumber ?? '—'}</span>,
            },
            {
              key: 'mobile',
              label: t('手机号码', 'Mobile'),
              children: <span data-testid="sensitive-mobile">{s.mobile ?? '—'}</span>,
            },
          ]}
        />
      ),
      okText: t('关闭', 'Close'),
      okButtonProps: testIdProps('sensitive-close'),
    });
  };

  return (
    <Space size={0} wrap>
      {hasAction(user, 'update') && (
        <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={id('update')}>
          {t('编辑', 'Edit')}
        </Button>
      )}
      {hasAction(user, 'assignRoles') && (
        <Button type="link" size="small" onClick={() => onAssignRoles(user)} data-testid={id('assignRoles')}>
          {t('分配角色', 'Roles')}
        </Button>
      )}
      {hasAction(user, 'unlock') && user.locked && (
        <ConfirmButton
          testId={id('unlock')}
          title={t(`确定解锁 ${who}？`, `Unlock ${user.username}?`)}
          onConfirm={async () => {
            await unlock.mutateAsync(user);
            showSuccess(t('已解锁', 'Unlocked'));
          }}
        >
          {t('解锁', 'Unlock')}
        </ConfirmButton>
      )}
      {hasAction(user, 'resetPassword') && (
        <Button
          type="link"
          size="small"
          danger
          onClick={() => onResetPassword(user)}
          data-testid={id('resetPassword')}
        >
          {t('重置密码', 'Reset password')}
        </Button>
      )}
      {hasAction(user, 'viewSensitive') && (
        <ConfirmButton
          testId={id('viewSensitive')}
          title={t('查看完整证件号和手机号？', 'Show the full ID number and mobile?')}
          description={t('每次查看都会记入审计日志。', 'Every view is written to the audit log.')}
          onConfirm={showSensitive}
        >
          {t('查看完整证件号', 'Show full ID')}
        </ConfirmButton>
      )}
      {hasAction(user, 'disable') && !user.disabled && (
        <ConfirmButton
          danger
          testId={id('disable')}
          title={t(`确定停用 ${who}？`, `Disable ${user.username}?`)}
          description={t('停用后该用户不能登录，现有会话立即失效。', 'The user can no longer sign in.')}
          onConfirm={async () => {
            await update.mutateAsync({ id: user.id, input: { disabled: true, version: user.version } });
            showSuccess(t('已停用', 'Disabled'));
          }}
        >
          {t('停用', 'Disable')}
        </ConfirmButton>
      )}
      {hasAction(user, 'enable') && user.disabled && (
        <ConfirmButton
          testId={id('enable')}
          title={t(`确定启用 ${who}？`, `Enable ${user.username}?`)}
          onConfirm={async () => {
            await update.mutateAsync({ id: user.id, input: { disabled: false, version: user.version } });
            showSuccess(t('已启用', 'Enabled'));
          }}
        >
          {t('启用', 'Enable')}
        </ConfirmButton>
      )}
    </Space>
  );
}
