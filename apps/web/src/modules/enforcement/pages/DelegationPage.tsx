import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function DelegationPage() {
  const t = useT();
  return <Result status="info" title={t('乡镇赋权事项', 'Delegated township powers')} />;
}
