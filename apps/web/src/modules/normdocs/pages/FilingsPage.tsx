import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function FilingsPage() {
  const t = useT();
  return <Result status="info" title={t('备案报送', 'Filings')} />;
}
