import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function PublicInspectionItemsPage() {
  const t = useT();
  return <Result status="info" title={t('涉企检查事项清单', 'Inspection-item lists')} />;
}
