import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function PublishedReportsPage() {
  const t = useT();
  return <Result status="info" title={t('法治政府建设年度报告', 'Annual reports')} />;
}
