import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function SupervisionPage() {
  const t = useT();
  return <Result status="info" title={t('执法监督', 'Supervision')} />;
}
