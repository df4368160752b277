import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function IndicatorSystemsPage() {
  const t = useT();
  return <Result status="info" title={t('指标体系', 'Indicator systems')} />;
}
