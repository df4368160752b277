import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function InspectionsPage() {
  const t = useT();
  return <Result status="info" title={t('涉企行政检查', 'Enterprise inspections')} />;
}
