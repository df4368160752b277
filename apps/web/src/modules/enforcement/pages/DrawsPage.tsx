import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function DrawsPage() {
  const t = useT();
  return <Result status="info" title={t('双随机抽取', 'Random draws')} />;
}
