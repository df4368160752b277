import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function CataloguePage() {
  const t = useT();
  return <Result status="info" title={t('现行有效规范性文件目录', 'Catalogue')} />;
}
