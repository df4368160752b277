import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function CatalogueDocPage() {
  const t = useT();
  return <Result status="info" title={t('规范性文件', 'Document')} />;
}
