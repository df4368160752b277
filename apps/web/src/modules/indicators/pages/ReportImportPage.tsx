import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function ReportImportPage() {
  const t = useT();
  return <Result status="info" title={t('导入已公开报告', 'Import a published report')} />;
}
