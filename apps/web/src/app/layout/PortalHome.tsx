import { Card, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../platform/i18n';
import { modules } from '../modules';

/** Portal entry page: the public services each module offers (its public routes with a `portalEntry`). */
export function PortalHome() {
  const t = useT();
  const entries = modules.flatMap((m) => m.portalEntries ?? []);
  return (
    <Card>
      <Typography.Title level={4}>{t('公众服务', 'Public services')}</Typography.Title>
      <List
        dataSource={entries}
        renderItem={(e) => (
          <List.Item>
            <Flex vertical>
              <Link to={e.path} data-testid={e.testId}>
                {t(e.label.zh, e.label.en)}
              </Link>
              {e.description && (
                <Typography.Text type="secondary">{t(e.description.zh, e.description.en)}</Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
