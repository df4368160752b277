import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function MySubmissionsPage() {
  const t = useT();
  return <Result status="info" title={t('本单位填报', 'Our submissions')} />;
}
