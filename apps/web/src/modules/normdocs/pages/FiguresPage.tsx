import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function FiguresPage() {
  const t = useT();
  return <Result status="info" title={t('统计数据', 'Figures')} />;
}
