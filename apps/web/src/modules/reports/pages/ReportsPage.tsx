import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function ReportsPage() {
  const t = useT();
  return <Result status="info" title={t('年度报告', 'Annual reports')} />;
}
