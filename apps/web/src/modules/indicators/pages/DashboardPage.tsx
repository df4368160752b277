import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function DashboardPage() {
  const t = useT();
  return <Result status="info" title={t('数据看板', 'Dashboard')} />;
}
