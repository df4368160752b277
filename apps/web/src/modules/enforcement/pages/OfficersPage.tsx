import { Result } from 'antd';
import { useT } from '../../../platform/i18n';

/** Placeholder until this page is built. */
export function OfficersPage() {
  const t = useT();
  return <Result status="info" title={t('执法人员与证件', 'Officers and certificates')} />;
}
