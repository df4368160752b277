import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function DocumentPage() {
  const t = useT();
  return <Result status="info" title={t('规范性文件详情', 'Document')} />;
}
