import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../platform/access';
import { formatDateTime } from '../../platform/format';
import { useT } from '../../platform/i18n';
import { useBellNotifications, useMarkAllRead, useMarkRead, type NotificationItem } from './api';

/** The bell in the header: unread count, the latest ten, mark one or all read. */
export function NotificationBell() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const enabled = can('notification.own');
  const { data, isLoading } = useBellNotifications(enabled);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  if (!enabled) return null;

  const unread = data?.unread ?? 0;
  const openItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link?.startsWith('/')) {
      setOpen(false);
      void navigate(n.link);
    }
  };

  const content = (
    <div style={{ width: 360, maxWidth: '90vw' }} data-testid="notification-panel">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {t('通知', 'Notifications')}
          {unread > 0 && t(`（${unread} 条未读）`, ` (${unread} unread)`)}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notification-read-all"
        >
          {t('全部已读', 'Mark all read')}
        </Button>
      </Flex>
      {data && data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无通知', 'No notifications')} />
      ) : (
        <Flex vertical style={{ maxHeight: 420, overflowY: 'auto' }}>
          {isLoading && <Spin size="small" />}
          {(data?.items ?? []).map((n) => (
            <Flex
              key={n.id}
              justify="space-between"
              gap="small"
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
              data-testid={`notification-item-${n.id}`}
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Link
                  onClick={() => openItem(n)}
                  strong={!n.readAt}
                  style={{ color: n.readAt ? undefined : 'inherit' }}
                >
                  {!n.readAt && <Badge status="processing" style={{ marginRight: 6 }} />}
                  {n.title}
                </Typography.Link>
                <Typography.Text type="secondary">{n.body}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(n.createdAt)}
                </Typography.Text>
              </Flex>
              {!n.readAt && (
                <Button
                  size="small"
                  type="link"
                  onClick={() => markRead.mutate(n.id)}
                  data-testid={`notification-read-${n.id}`}
                >
                  {t('标为已读', 'Mark read')}
                </Button>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen}>
      <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('通知', 'Notifications')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
