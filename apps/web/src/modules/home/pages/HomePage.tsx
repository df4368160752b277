import type { Permission } from '@fazhi/contracts';
import { Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../platform/access';
import { useCurrentUser } from '../../../platform/api';
import { today, weekdayOf } from '../../../platform/format';
import {
  CLOCK_STATUS_COLORS,
  clockStatusLabel,
  roleLabel,
  useLabel,
  useLocale,
  useT,
  type Bilingual,
} from '../../../platform/i18n';
import { useClockCounts } from '../api';

interface QuickLink {
  key: string;
  path: string;
  label: Bilingual;
  permission: Permission;
}

const QUICK_LINKS: QuickLink[] = [
  { key: 'clocks', path: '/clocks', label: { zh: '期限监控', en: 'Time limits' }, permission: 'clock.read' },
  {
    key: 'clock-create',
    path: '/clocks?create=1',
    label: { zh: '登记期限', en: 'New time limit' },
    permission: 'clock.write',
  },
  {
    key: 'due-date',
    path: '/calendar/due-date',
    label: { zh: '期限计算器', en: 'Due-date calculator' },
    permission: 'calendar.read',
  },
  {
    key: 'calendar',
    path: '/calendar',
    label: { zh: '节假日与调休', en: 'Holidays' },
    permission: 'calendar.read',
  },
  {
    key: 'org',
    path: '/org',
    label: { zh: '区划与单位', en: 'Regions & organisations' },
    permission: 'org.read',
  },
  { key: 'users', path: '/users', label: { zh: '用户管理', en: 'Users' }, permission: 'user.read' },
  {
    key: 'security',
    path: '/security',
    label: { zh: '安全策略', en: 'Security policy' },
    permission: 'security.settings',
  },
  { key: 'audit', path: '/audit', label: { zh: '审计日志', en: 'Audit log' }, permission: 'audit.read' },
];

export function HomePage() {
  const t = useT();
  const label = useLabel();
  const locale = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const showClocks = can('clock.read');
  const counts = useClockCounts(showClocks);
  const date = today();

  return (
    <Flex vertical gap="middle" data-testid="home-page">
      <Card variant="borderless">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t(`欢迎，${me.displayName}`, `Welcome, ${me.displayName}`)}
        </Typography.Title>
        <Flex wrap gap="small" align="center">
          <Typography.Text type="secondary">
            {me.orgName} · {me.regionName} · {date} {weekdayOf(date, locale)}
          </Typography.Text>
          {me.roles.map((r) => (
            <Tag key={r} color="blue">
              {label(roleLabel(r))}
            </Tag>
          ))}
        </Flex>
      </Card>

      {showClocks && (
        <Card
          variant="borderless"
          title={t('我的期限', 'My time limits')}
          extra={<Link to="/clocks">{t('全部', 'All')}</Link>}
        >
          <Row gutter={[16, 16]}>
            {counts.map((c) => (
              <Col key={c.status} xs={12} md={6}>
                <Card
                  hoverable
                  size="small"
                  onClick={() => void navigate(`/clocks?status=${c.status}`)}
                  data-testid={`home-count-${c.status}`}
                >
                  <Statistic
                    title={
                      <Tag color={CLOCK_STATUS_COLORS[c.status]}>{label(clockStatusLabel(c.status))}</Tag>
                    }
                    value={c.total ?? '—'}
                    loading={c.loading}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </Card>
      )}

      <Card variant="borderless" title={t('快捷入口', 'Quick links')}>
        <Flex wrap gap="small">
          {QUICK_LINKS.filter((l) => can(l.permission)).map((l) => (
            <Button key={l.key} onClick={() => void navigate(l.path)} data-testid={`home-link-${l.key}`}>
              {label(l.label)}
            </Button>
          ))}
        </Flex>
      </Card>
    </Flex>
  );
}
