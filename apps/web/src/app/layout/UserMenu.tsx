import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Flex, Tag, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { useLogout } from '../../modules/auth';
import { useCurrentUser } from '../../platform/api';
import { roleLabel, useLabel, useT } from '../../platform/i18n';

/** Display name, organisation and roles; 修改密码; 退出登录. */
export function UserMenu() {
  const t = useT();
  const label = useLabel();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    {
      key: 'profile',
      disabled: true,
      style: { cursor: 'default' },
      label: (
        <Flex vertical gap={4} style={{ maxWidth: 260 }} data-testid="user-menu-profile">
          <Typography.Text strong>
            {me.displayName}（{me.username}）
          </Typography.Text>
          <Typography.Text type="secondary">{me.orgName}</Typography.Text>
          <Flex wrap gap={4}>
            {me.roles.map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
                {label(roleLabel(r))}
              </Tag>
            ))}
          </Flex>
        </Flex>
      ),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="user-menu-change-password">{t('修改密码', 'Change password')}</span>,
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="user-menu-logout">{t('退出登录', 'Sign out')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') void navigate('/change-password');
    if (key === 'logout') {
      logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
        <Avatar size="small" icon={<UserOutlined />} />
        <span data-testid="user-menu-name">{me.displayName}</span>
      </Button>
    </Dropdown>
  );
}
