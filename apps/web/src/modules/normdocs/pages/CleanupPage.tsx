import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function CleanupPage() {
  const t = useT();
  return <Result status="info" title={t('文件清理', 'Clean-up')} />;
}
