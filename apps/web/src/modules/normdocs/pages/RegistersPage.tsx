import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this area's page is built. */
export function RegistersPage() {
  const t = useT();
  return <Result status="info" title={t('发文目录核查', 'Register checks')} />;
}
